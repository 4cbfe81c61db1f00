-- Task pipelines: definitions (stages and automations as jsonb on the pipeline row, edited as one versioned
-- document), cards, their comments and history, the round-robin counters of assignment rules, and the coordinator
-- of each org unit.

create table pipeline (
    id               uuid primary key,
    key              text        not null,
    -- null: organisation-wide (the shipped templates); otherwise visible in this unit's subtree and above it
    org_unit_id      uuid        references org_unit (id),
    names            jsonb       not null,
    stages           jsonb       not null,
    automations      jsonb       not null default '[]',
    abandon_reasons  text[]      not null default '{}',
    template         text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null,
    constraint pipeline_key_uk unique (key)
);
create index pipeline_org_idx on pipeline (org_unit_id, key);

create table task (
    id                uuid primary key,
    pipeline_id       uuid        not null references pipeline (id),
    -- scope: the member's home unit, or the unit given when the card was created
    org_unit_id       uuid        not null references org_unit (id),
    stage             text        not null,
    -- kept in step with the pipeline's definition, so that lists filter by category without reading the pipeline
    stage_category    text        not null,
    -- fractional rank: a move between two cards computes one new string, nothing else in the column changes
    rank              text        collate "C" not null,
    member_id         uuid        references member (id),
    title             text        not null,
    description       text,
    assignee_id       text,
    watchers          text[]      not null default '{}',
    priority          text        not null,
    due_on            date,
    labels            text[]      not null default '{}',
    checklist         jsonb       not null default '[]',
    close_reason      text,
    abandon_reason    text,
    closed_at         timestamptz,
    stage_entered_at  timestamptz not null,
    -- when the SLA of the current stage is breached (null: no SLA), and when that breach was escalated
    sla_due_at        timestamptz,
    escalated_at      timestamptz,
    created_by        text        not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null
);
-- board columns: (pipeline, stage) ordered by rank; counts read the same index
create index task_board_idx on task (pipeline_id, stage, rank, id);
-- "my tasks": open cards of one assignee by due date, undated last
create index task_my_idx on task (assignee_id, (coalesce(due_on, date 'infinity')), id)
    where closed_at is null and assignee_id is not null;
create index task_assignee_idx on task (assignee_id, id desc) where assignee_id is not null;
create index task_member_idx on task (member_id, id desc) where member_id is not null;
create index task_org_idx on task (org_unit_id, id desc);
create index task_pipeline_idx on task (pipeline_id, id desc);
-- a pipeline's cards of one stage category (open work, closed work), newest first
create index task_pipeline_category_idx on task (pipeline_id, stage_category, id desc);
create index task_due_idx on task (due_on, id) where due_on is not null;
create index task_labels_gin on task using gin (labels);
-- the SLA job claims breached, not yet escalated, open cards
create index task_sla_idx on task (sla_due_at, id)
    where closed_at is null and escalated_at is null and sla_due_at is not null;

create table task_comment (
    id           uuid primary key,
    task_id      uuid        not null references task (id),
    author_id    text        not null,
    author_name  text,
    body         text        not null,
    created_at   timestamptz not null
);
create index task_comment_task_idx on task_comment (task_id, id);

-- Every stage and assignee change of a card, its creation, closing and SLA escalation: the material of the card's
-- history and of the pipeline metrics. A STAGE row keeps when the card had entered the stage it left.
create table task_history (
    id                uuid primary key,
    task_id           uuid        not null references task (id),
    pipeline_id       uuid        not null references pipeline (id),
    org_unit_id       uuid        not null references org_unit (id),
    kind              text        not null,
    from_stage        text,
    to_stage          text,
    from_entered_at   timestamptz,
    from_assignee     text,
    to_assignee       text,
    reason            text,
    at                timestamptz not null,
    by_id             text        not null
);
create index task_history_task_idx on task_history (task_id, at, id);
create index task_history_pipeline_idx on task_history (pipeline_id, at, id);

create table assignment_counter (
    pipeline_id  uuid   not null references pipeline (id),
    stage        text   not null,
    next         bigint not null,
    primary key (pipeline_id, stage)
);

-- The staff member (a principal id) who coordinates a unit; the nearest coordinated ancestor stands in for a unit
-- without one.
create table org_unit_coordinator (
    org_unit_id  uuid primary key references org_unit (id),
    staff_id     text        not null,
    updated_at   timestamptz not null
);

-- The four templates of a new installation, organisation-wide and editable like any pipeline.
insert into pipeline (id, key, org_unit_id, names, stages, automations, abandon_reasons, template, created_at,
                      updated_at, version) values
('00000000-0000-7000-8000-00000000a001', 'onboarding', null,
 '{"ru":"Приём нового члена","uk":"Прийом нового члена","en":"New member onboarding"}',
 '[{"key":"application-received","names":{"ru":"Заявление получено","uk":"Заяву отримано","en":"Application received"},"category":"OPEN","slaDays":3,"wipLimit":null,"requiredFields":["memberId"],"allowedNext":null,"assigneeRule":{"strategy":"org-coordinator","staffId":null,"group":[]}},
   {"key":"interview","names":{"ru":"Собеседование","uk":"Співбесіда","en":"Interview"},"category":"IN_PROGRESS","slaDays":7,"wipLimit":null,"requiredFields":["assigneeId"],"allowedNext":null,"assigneeRule":null},
   {"key":"approved","names":{"ru":"Одобрено отделением","uk":"Схвалено осередком","en":"Approved by branch"},"category":"IN_PROGRESS","slaDays":14,"wipLimit":null,"requiredFields":[],"allowedNext":null,"assigneeRule":null},
   {"key":"welcome-training","names":{"ru":"Вводное обучение","uk":"Вступне навчання","en":"Welcome training"},"category":"IN_PROGRESS","slaDays":30,"wipLimit":null,"requiredFields":[],"allowedNext":null,"assigneeRule":null},
   {"key":"active-member","names":{"ru":"Активный член","uk":"Активний член","en":"Active member"},"category":"DONE","slaDays":null,"wipLimit":null,"requiredFields":[],"allowedNext":null,"assigneeRule":null},
   {"key":"declined","names":{"ru":"Отказ","uk":"Відмова","en":"Declined"},"category":"DROPPED","slaDays":null,"wipLimit":null,"requiredFields":[],"allowedNext":null,"assigneeRule":null}]',
 '[]', '{withdrew,unreachable,not-approved}', 'onboarding', now(), now(), 0),
('00000000-0000-7000-8000-00000000a002', 'member-question', null,
 '{"ru":"Вопрос члена","uk":"Питання члена","en":"Member question"}',
 '[{"key":"new","names":{"ru":"Новый","uk":"Нове","en":"New"},"category":"OPEN","slaDays":1,"wipLimit":null,"requiredFields":[],"allowedNext":null,"assigneeRule":{"strategy":"org-coordinator","staffId":null,"group":[]}},
   {"key":"assigned","names":{"ru":"Назначен","uk":"Призначено","en":"Assigned"},"category":"IN_PROGRESS","slaDays":2,"wipLimit":null,"requiredFields":["assigneeId"],"allowedNext":null,"assigneeRule":null},
   {"key":"in-progress","names":{"ru":"В работе","uk":"В роботі","en":"In progress"},"category":"IN_PROGRESS","slaDays":5,"wipLimit":null,"requiredFields":["assigneeId"],"allowedNext":null,"assigneeRule":null},
   {"key":"answered","names":{"ru":"Ответ дан","uk":"Відповідь надано","en":"Answered"},"category":"IN_PROGRESS","slaDays":7,"wipLimit":null,"requiredFields":[],"allowedNext":null,"assigneeRule":null},
   {"key":"closed","names":{"ru":"Закрыт","uk":"Закрито","en":"Closed"},"category":"DONE","slaDays":null,"wipLimit":null,"requiredFields":[],"allowedNext":null,"assigneeRule":null},
   {"key":"dropped","names":{"ru":"Снят","uk":"Знято","en":"Dropped"},"category":"DROPPED","slaDays":null,"wipLimit":null,"requiredFields":[],"allowedNext":null,"assigneeRule":null}]',
 '[]', '{duplicate,no-response}', 'member-question', now(), now(), 0),
('00000000-0000-7000-8000-00000000a003', 'event-organisation', null,
 '{"ru":"Организация мероприятия","uk":"Організація заходу","en":"Event organisation"}',
 '[{"key":"idea","names":{"ru":"Идея","uk":"Ідея","en":"Idea"},"category":"OPEN","slaDays":null,"wipLimit":null,"requiredFields":[],"allowedNext":null,"assigneeRule":null},
   {"key":"planning","names":{"ru":"Планирование","uk":"Планування","en":"Planning"},"category":"IN_PROGRESS","slaDays":14,"wipLimit":null,"requiredFields":["assigneeId","dueOn"],"allowedNext":null,"assigneeRule":null},
   {"key":"invitations","names":{"ru":"Приглашения","uk":"Запрошення","en":"Invitations"},"category":"IN_PROGRESS","slaDays":7,"wipLimit":null,"requiredFields":[],"allowedNext":null,"assigneeRule":null},
   {"key":"held","names":{"ru":"Проведено","uk":"Проведено","en":"Held"},"category":"IN_PROGRESS","slaDays":7,"wipLimit":null,"requiredFields":[],"allowedNext":null,"assigneeRule":null},
   {"key":"reported","names":{"ru":"Отчёт сдан","uk":"Звіт здано","en":"Report filed"},"category":"DONE","slaDays":null,"wipLimit":null,"requiredFields":["checklistDone"],"allowedNext":null,"assigneeRule":null},
   {"key":"cancelled","names":{"ru":"Отменено","uk":"Скасовано","en":"Cancelled"},"category":"DROPPED","slaDays":null,"wipLimit":null,"requiredFields":[],"allowedNext":null,"assigneeRule":null}]',
 '[]', '{cancelled,postponed}', 'event-organisation', now(), now(), 0),
('00000000-0000-7000-8000-00000000a004', 'supporter-to-member', null,
 '{"ru":"Сторонник → волонтёр → член","uk":"Прихильник → волонтер → член","en":"Supporter → volunteer → member"}',
 '[{"key":"supporter","names":{"ru":"Сторонник","uk":"Прихильник","en":"Supporter"},"category":"OPEN","slaDays":30,"wipLimit":null,"requiredFields":["memberId"],"allowedNext":null,"assigneeRule":{"strategy":"org-coordinator","staffId":null,"group":[]}},
   {"key":"volunteer","names":{"ru":"Волонтёр","uk":"Волонтер","en":"Volunteer"},"category":"IN_PROGRESS","slaDays":90,"wipLimit":null,"requiredFields":["memberId"],"allowedNext":null,"assigneeRule":null},
   {"key":"member","names":{"ru":"Член","uk":"Член","en":"Member"},"category":"DONE","slaDays":null,"wipLimit":null,"requiredFields":["memberId"],"allowedNext":null,"assigneeRule":null},
   {"key":"lost","names":{"ru":"Выбыл","uk":"Вибув","en":"Lost"},"category":"DROPPED","slaDays":null,"wipLimit":null,"requiredFields":[],"allowedNext":null,"assigneeRule":null}]',
 '[{"on":"ENTER_STAGE","stage":"volunteer","action":"SET_MEMBER_STATUS","memberStatus":"VOLUNTEER","pipelineKey":null,"stageKey":null,"title":null,"tag":null,"staffId":null,"message":null},
   {"on":"ENTER_STAGE","stage":"member","action":"SET_MEMBER_STATUS","memberStatus":"MEMBER","pipelineKey":null,"stageKey":null,"title":null,"tag":null,"staffId":null,"message":null}]',
 '{moved-away,lost-interest,unreachable}', 'supporter-to-member', now(), now(), 0);
