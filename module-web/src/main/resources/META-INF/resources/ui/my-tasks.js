// <roster-my-tasks>: the signed-in staff member's open cards: overdue, due today, upcoming, each paged.
import { h, replace } from './dom.js';
import { RosterElement, loading, query } from './core.js';
import { formatDate, localName } from './i18n.js';

const SECTIONS = ['overdue', 'today', 'upcoming'];

export class MyTasks extends RosterElement {
  static extraAttributes = ['page-size'];

  async load() {
    replace(this.view, loading(this));
    try {
      const size = Number(this.getAttribute('page-size')) || 20;
      const [mine, pipelines] = await Promise.all([
        this.get('/api/v1/my-tasks' + query({ limit: size })),
        this.get('/api/v1/pipelines?limit=200').catch(() => ({ items: [] })),
      ]);
      this.sections = {};
      for (const s of SECTIONS) this.sections[s] = { items: [...mine[s].items], cursor: mine[s].nextCursor };
      this.pipelines = new Map(pipelines.items.map((p) => [p.id, p]));
      this.error = null;
    } catch (e) {
      this.error = e;
    }
    this.render();
  }

  async more(section) {
    const s = this.sections[section];
    try {
      const page = await this.get('/api/v1/my-tasks/' + section + query({ limit: 50, cursor: s.cursor }));
      s.items.push(...page.items);
      s.cursor = page.nextCursor;
    } catch (e) {
      this.error = e;
    }
    this.render();
  }

  render() {
    const t = (k, p) => this.t(k, p);
    if (!this.sections) {
      if (this.error) replace(this.view, this.errorBox(this.error));
      return;
    }
    replace(
      this.view,
      h(
        'section',
        { class: 'card', 'aria-label': t('tasks.title') },
        h('h2', { class: 'title' }, t('tasks.title')),
        this.error ? this.errorBox(this.error) : null,
        SECTIONS.map((name) => {
          const s = this.sections[name];
          return h(
            'section',
            { class: 'task-section section-' + name, 'aria-label': t('tasks.' + name) },
            h('h3', { class: 'section' }, t('tasks.' + name), ' ', h('span', { class: 'count' }, String(s.items.length) + (s.cursor ? '+' : ''))),
            s.items.length
              ? h(
                  'ul',
                  { class: 'task-list' },
                  s.items.map((task) => {
                    const p = this.pipelines.get(task.pipelineId);
                    const stage = p && p.stages.find((x) => x.key === task.stage);
                    return h(
                      'li',
                      { class: ['task-row', name === 'overdue' && 'overdue'] },
                      h(
                        'button',
                        { type: 'button', class: 'link', onclick: () => this.emit('roster-task-open', { taskId: task.id, pipelineId: task.pipelineId, memberId: task.memberId || null }) },
                        task.title,
                      ),
                      h(
                        'div',
                        { class: 'muted small' },
                        [p ? localName(this.locale, p.names, p.key) : null, stage ? localName(this.locale, stage.names, stage.key) : task.stage, task.dueOn ? formatDate(this.locale, task.dueOn) : t('tasks.noDue')]
                          .filter(Boolean)
                          .join(' · '),
                      ),
                      task.priority && task.priority !== 'NORMAL' ? h('span', { class: 'badge small priority' }, t('enum.priority.' + task.priority)) : null,
                    );
                  }),
                )
              : h('p', { class: 'muted small' }, t('tasks.empty')),
            s.cursor ? h('button', { type: 'button', class: 'link', onclick: () => this.more(name) }, t('common.more')) : null,
          );
        }),
      ),
    );
  }
}

customElements.define('roster-my-tasks', MyTasks);
