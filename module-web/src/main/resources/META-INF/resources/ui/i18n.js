// Message catalogues (en, ru, uk) and Intl formatting. Messages take {name} parameters; counts are written so that
// no plural forms are needed ("Selected: 3").
export const LOCALES = ['en', 'ru', 'uk'];

const en = {
  'common.loading': 'Loading…', 'common.more': 'Show more', 'common.close': 'Close',
  'error.network': 'Roster cannot be reached. Check the connection and try again.',
  'error.unexpected': 'Something went wrong in the page. Reload it and try again.',
  'error.400': 'The request was not accepted', 'error.401': 'You are not signed in, or the sign-in has expired',
  'error.403': 'You do not have the permission for this', 'error.404': 'Not found, or not available to you',
  'error.409': 'This conflicts with the current state', 'error.412': 'Someone changed this in the meantime. Reload and try again',
  'error.422': 'Some values are not valid', 'error.429': 'Too many requests. Wait {s} s and try again',
  'error.503': 'Roster is busy. Nothing was changed; try again in a moment', 'error.500': 'Server error (reference {ref})',
  'error.other': 'The request failed (HTTP {status})',
  'problem.wip-limit-reached': 'The stage is at its WIP limit', 'problem.event-capacity-reached': 'The event is full',
  'problem.member-archived': 'The member is archived', 'problem.possible-duplicate': 'This looks like an existing member',
  'code.required': 'required', 'code.transition-not-allowed': 'this move is not allowed from the current stage',
  'code.required-by-stage': 'required by the stage', 'code.range': 'out of range', 'code.unknown-member': 'no such member in your scope',
  'code.invalid-status-change': 'this status change is not allowed', 'code.too-long': 'too long',
  'card.none': 'No member selected.', 'card.phone': 'Phone', 'card.email': 'E-mail', 'card.telegram': 'Telegram', 'card.address': 'Address',
  'card.newStatus': 'New status', 'card.chooseStatus': 'Choose a status…', 'card.newTag': 'New tag', 'card.support': 'Support {n}/5',
  'card.unit': 'Branch', 'card.joined': 'Member since', 'card.birthDate': 'Born', 'card.lastContact': 'Last contact', 'card.never': 'never',
  'card.contacts': 'Contacts', 'card.primary': 'primary', 'card.noContacts': 'No contact details.', 'card.consents': 'Consents',
  'card.consent.granted': 'consent given', 'card.consent.withdrawn': 'consent withdrawn', 'card.consent.blocked': 'do not contact',
  'card.consent.unknown': 'no consent recorded', 'card.tags': 'Tags', 'card.removeTag': 'Remove tag {tag}', 'card.addTag': 'Add tag',
  'card.status': 'Status', 'card.changeStatus': 'Change status', 'card.saved': 'Saved.',
  'timeline.title': 'Timeline', 'timeline.empty': 'No history yet.', 'timeline.attendance': 'Event: {status}',
  'timeline.status': 'Status: {from} → {to}', 'timeline.consentGranted': 'Consent given: {channel}',
  'timeline.consentWithdrawn': 'Consent withdrawn: {channel}', 'timeline.unit': 'Moved to another branch',
  'timeline.task.CREATED': 'Task created', 'timeline.task.MOVED': 'Task moved', 'timeline.task.ASSIGNED': 'Task assigned', 'timeline.task.CLOSED': 'Task closed',
  'log.title': 'Log an interaction', 'log.type': 'Type', 'log.outcome': 'Outcome', 'log.noOutcome': 'Outcome…', 'log.subject': 'Subject',
  'log.body': 'Notes', 'log.submit': 'Log', 'log.done': 'Logged.',
  'search.title': 'Members', 'search.placeholder': 'Name, phone or e-mail', 'search.query': 'Search members', 'search.submit': 'Search',
  'search.status': 'Status', 'search.anyStatus': 'Any status', 'search.tag': 'Tag', 'search.notContacted': 'Not contacted for days',
  'search.segment': 'Saved segment', 'search.noSegment': 'All members', 'search.selectAll': 'Select all', 'search.select': 'Select {name}',
  'search.name': 'Name', 'search.results': 'Search results', 'search.nothing': 'Nobody found.',
  'bulk.title': 'Bulk actions', 'bulk.selected': 'selected: {n}', 'bulk.tag': 'Tag', 'bulk.addTag': 'Add tag', 'bulk.pipeline': 'Pipeline',
  'bulk.taskTitle': 'Task title (the name if empty)', 'bulk.addToPipeline': 'Add to pipeline', 'bulk.log': 'Log for all', 'bulk.done': 'Done: {n}.',
  'board.none': 'No pipeline selected.', 'board.title': 'Board: {name}',
  'board.help': 'Drag cards between stages, or focus a card and press Shift+→ / Shift+← to move it, Shift+↑ / Shift+↓ to reorder, Enter to open.',
  'board.wip': '{n} of a WIP limit of {limit}', 'board.atLimit': 'WIP limit', 'board.moreCards': 'and {n} more', 'board.overdue': 'overdue',
  'board.moved': '{title} moved to {stage}',
  'task.stage': 'Stage', 'task.priority': 'Priority', 'task.due': 'Due', 'task.assignee': 'Assignee', 'task.checklist': 'Checklist',
  'task.comments': 'Comments', 'task.comment': 'Write a comment', 'task.addComment': 'Comment', 'task.noComments': 'No comments yet.',
  'tasks.title': 'My tasks', 'tasks.overdue': 'Overdue', 'tasks.today': 'Due today', 'tasks.upcoming': 'Upcoming', 'tasks.empty': 'Nothing here.',
  'tasks.noDue': 'no due date',
  'attendance.title': 'Attendance', 'attendance.chooseEvent': 'Choose an event', 'attendance.noEvents': 'No recent or upcoming events.',
  'attendance.registered': 'registered', 'attendance.attended': 'attended', 'attendance.capacity': 'places', 'attendance.came': 'Came',
  'attendance.cameLabel': '{name} came', 'attendance.status': 'On the sheet', 'attendance.changes': 'Unsaved changes: {n}',
  'attendance.save': 'Save attendance', 'attendance.saved': 'Saved: {n}.',
  'dash.newMembers': 'New members per month', 'dash.created': 'new profiles', 'dash.joined': 'joined as members', 'dash.total': 'total: {n}',
  'dash.month': 'Month', 'dash.channels': 'Contacts by channel', 'dash.channel': 'Channel', 'dash.contacts': 'Contacts',
  'dash.funnel': 'Pipeline funnel', 'dash.funnelHelp': 'cards that entered each stage in the last 12 weeks, and the share that went on',
  'dash.entered': 'Entered', 'dash.now': 'Now', 'dash.conversion': 'Went on', 'dash.overdue': 'Overdue cards: {n}',
  'dash.leaderboard': 'Branch leaderboard', 'dash.branch': 'Branch', 'dash.newMembersShort': 'New', 'dash.noData': 'No data for the period.',
  'shell.title': 'Roster', 'shell.signIn': 'Sign in', 'shell.token': 'API key or staff token', 'shell.tokenHelp': 'Kept in this browser tab only (sessionStorage), never in the address.',
  'shell.server': 'Server', 'shell.signOut': 'Sign out', 'shell.language': 'Language', 'shell.nav': 'Sections',
  'shell.members': 'Members', 'shell.board': 'Board', 'shell.tasks': 'My tasks', 'shell.events': 'Attendance', 'shell.dashboard': 'Dashboard',
  'shell.pipeline': 'Pipeline', 'shell.back': 'Back to the list',
};

const ru = {
  'common.loading': 'Загрузка…', 'common.more': 'Показать ещё', 'common.close': 'Закрыть',
  'error.network': 'Нет связи с Roster. Проверьте подключение и попробуйте снова.',
  'error.unexpected': 'На странице произошла ошибка. Обновите её и попробуйте снова.',
  'error.400': 'Запрос не принят', 'error.401': 'Вы не вошли в систему или срок входа истёк',
  'error.403': 'У вас нет прав на это действие', 'error.404': 'Не найдено или недоступно вам',
  'error.409': 'Это противоречит текущему состоянию', 'error.412': 'Пока вы работали, запись изменили. Обновите и попробуйте снова',
  'error.422': 'Некоторые значения неверны', 'error.429': 'Слишком много запросов. Подождите {s} с и попробуйте снова',
  'error.503': 'Roster занят. Ничего не изменено; попробуйте чуть позже', 'error.500': 'Ошибка сервера (номер {ref})',
  'error.other': 'Запрос не выполнен (HTTP {status})',
  'problem.wip-limit-reached': 'Этап заполнен: достигнут WIP-лимит', 'problem.event-capacity-reached': 'Мест на мероприятии больше нет',
  'problem.member-archived': 'Профиль в архиве', 'problem.possible-duplicate': 'Похоже, такой человек уже есть',
  'code.required': 'обязательно', 'code.transition-not-allowed': 'с текущего этапа сюда перейти нельзя',
  'code.required-by-stage': 'этап требует это поле', 'code.range': 'вне допустимых значений', 'code.unknown-member': 'нет такого человека в вашей зоне',
  'code.invalid-status-change': 'такая смена статуса не разрешена', 'code.too-long': 'слишком длинно',
  'card.none': 'Человек не выбран.', 'card.phone': 'Телефон', 'card.email': 'Эл. почта', 'card.telegram': 'Telegram', 'card.address': 'Адрес',
  'card.newStatus': 'Новый статус', 'card.chooseStatus': 'Выберите статус…', 'card.newTag': 'Новая метка', 'card.support': 'Поддержка {n}/5',
  'card.unit': 'Отделение', 'card.joined': 'Член с', 'card.birthDate': 'Дата рождения', 'card.lastContact': 'Последний контакт', 'card.never': 'не было',
  'card.contacts': 'Контакты', 'card.primary': 'основной', 'card.noContacts': 'Контактов нет.', 'card.consents': 'Согласия',
  'card.consent.granted': 'согласие дано', 'card.consent.withdrawn': 'согласие отозвано', 'card.consent.blocked': 'не беспокоить',
  'card.consent.unknown': 'согласие не записано', 'card.tags': 'Метки', 'card.removeTag': 'Убрать метку {tag}', 'card.addTag': 'Добавить метку',
  'card.status': 'Статус', 'card.changeStatus': 'Сменить статус', 'card.saved': 'Сохранено.',
  'timeline.title': 'История', 'timeline.empty': 'Истории пока нет.', 'timeline.attendance': 'Мероприятие: {status}',
  'timeline.status': 'Статус: {from} → {to}', 'timeline.consentGranted': 'Согласие дано: {channel}',
  'timeline.consentWithdrawn': 'Согласие отозвано: {channel}', 'timeline.unit': 'Переведён в другое отделение',
  'timeline.task.CREATED': 'Создана задача', 'timeline.task.MOVED': 'Задача перемещена', 'timeline.task.ASSIGNED': 'Задача назначена', 'timeline.task.CLOSED': 'Задача закрыта',
  'log.title': 'Записать контакт', 'log.type': 'Вид', 'log.outcome': 'Результат', 'log.noOutcome': 'Результат…', 'log.subject': 'Тема',
  'log.body': 'Заметки', 'log.submit': 'Записать', 'log.done': 'Записано.',
  'search.title': 'Люди', 'search.placeholder': 'Имя, телефон или эл. почта', 'search.query': 'Поиск людей', 'search.submit': 'Найти',
  'search.status': 'Статус', 'search.anyStatus': 'Любой статус', 'search.tag': 'Метка', 'search.notContacted': 'Без контакта, дней',
  'search.segment': 'Сохранённый сегмент', 'search.noSegment': 'Все люди', 'search.selectAll': 'Выбрать всех', 'search.select': 'Выбрать: {name}',
  'search.name': 'Имя', 'search.results': 'Результаты поиска', 'search.nothing': 'Никого не найдено.',
  'bulk.title': 'Действия с выбранными', 'bulk.selected': 'выбрано: {n}', 'bulk.tag': 'Метка', 'bulk.addTag': 'Добавить метку', 'bulk.pipeline': 'Процесс',
  'bulk.taskTitle': 'Название задачи (по умолчанию имя)', 'bulk.addToPipeline': 'Добавить в процесс', 'bulk.log': 'Записать всем', 'bulk.done': 'Готово: {n}.',
  'board.none': 'Процесс не выбран.', 'board.title': 'Доска: {name}',
  'board.help': 'Перетаскивайте карточки между этапами или выберите карточку и нажмите Shift+→ / Shift+←, чтобы перенести её, Shift+↑ / Shift+↓ — чтобы поменять порядок, Enter — чтобы открыть.',
  'board.wip': '{n} при WIP-лимите {limit}', 'board.atLimit': 'WIP-лимит', 'board.moreCards': 'и ещё {n}', 'board.overdue': 'просрочено',
  'board.moved': '«{title}» перенесена в этап «{stage}»',
  'task.stage': 'Этап', 'task.priority': 'Приоритет', 'task.due': 'Срок', 'task.assignee': 'Исполнитель', 'task.checklist': 'Чек-лист',
  'task.comments': 'Комментарии', 'task.comment': 'Напишите комментарий', 'task.addComment': 'Комментировать', 'task.noComments': 'Комментариев пока нет.',
  'tasks.title': 'Мои задачи', 'tasks.overdue': 'Просрочены', 'tasks.today': 'На сегодня', 'tasks.upcoming': 'Предстоящие', 'tasks.empty': 'Здесь пусто.',
  'tasks.noDue': 'без срока',
  'attendance.title': 'Посещаемость', 'attendance.chooseEvent': 'Выберите мероприятие', 'attendance.noEvents': 'Нет недавних или предстоящих мероприятий.',
  'attendance.registered': 'записались', 'attendance.attended': 'пришли', 'attendance.capacity': 'мест', 'attendance.came': 'Пришёл',
  'attendance.cameLabel': '{name}: пришёл', 'attendance.status': 'В списке', 'attendance.changes': 'Несохранённых изменений: {n}',
  'attendance.save': 'Сохранить отметки', 'attendance.saved': 'Сохранено: {n}.',
  'dash.newMembers': 'Новые люди по месяцам', 'dash.created': 'новые профили', 'dash.joined': 'вступили в члены', 'dash.total': 'всего: {n}',
  'dash.month': 'Месяц', 'dash.channels': 'Контакты по каналам', 'dash.channel': 'Канал', 'dash.contacts': 'Контакты',
  'dash.funnel': 'Воронка процесса', 'dash.funnelHelp': 'карточки, вошедшие в этап за последние 12 недель, и доля прошедших дальше',
  'dash.entered': 'Вошли', 'dash.now': 'Сейчас', 'dash.conversion': 'Прошли дальше', 'dash.overdue': 'Просроченных карточек: {n}',
  'dash.leaderboard': 'Рейтинг отделений', 'dash.branch': 'Отделение', 'dash.newMembersShort': 'Новые', 'dash.noData': 'За период данных нет.',
  'shell.title': 'Roster', 'shell.signIn': 'Войти', 'shell.token': 'API-ключ или токен сотрудника', 'shell.tokenHelp': 'Хранится только в этой вкладке (sessionStorage), никогда в адресе.',
  'shell.server': 'Сервер', 'shell.signOut': 'Выйти', 'shell.language': 'Язык', 'shell.nav': 'Разделы',
  'shell.members': 'Люди', 'shell.board': 'Доска', 'shell.tasks': 'Мои задачи', 'shell.events': 'Посещаемость', 'shell.dashboard': 'Сводка',
  'shell.pipeline': 'Процесс', 'shell.back': 'К списку',
};

const uk = {
  'common.loading': 'Завантаження…', 'common.more': 'Показати ще', 'common.close': 'Закрити',
  'error.network': 'Немає зв’язку з Roster. Перевірте підключення і спробуйте ще раз.',
  'error.unexpected': 'На сторінці сталася помилка. Оновіть її і спробуйте ще раз.',
  'error.400': 'Запит не прийнято', 'error.401': 'Ви не увійшли в систему або термін входу сплив',
  'error.403': 'У вас немає прав на цю дію', 'error.404': 'Не знайдено або недоступно вам',
  'error.409': 'Це суперечить поточному стану', 'error.412': 'Поки ви працювали, запис змінили. Оновіть і спробуйте ще раз',
  'error.422': 'Деякі значення неправильні', 'error.429': 'Забагато запитів. Зачекайте {s} с і спробуйте ще раз',
  'error.503': 'Roster зайнятий. Нічого не змінено; спробуйте трохи згодом', 'error.500': 'Помилка сервера (номер {ref})',
  'error.other': 'Запит не виконано (HTTP {status})',
  'problem.wip-limit-reached': 'Етап заповнено: досягнуто WIP-ліміту', 'problem.event-capacity-reached': 'Місць на заході більше немає',
  'problem.member-archived': 'Профіль в архіві', 'problem.possible-duplicate': 'Схоже, така людина вже є',
  'code.required': 'обов’язково', 'code.transition-not-allowed': 'з поточного етапу сюди перейти не можна',
  'code.required-by-stage': 'етап вимагає це поле', 'code.range': 'поза допустимими значеннями', 'code.unknown-member': 'немає такої людини у вашій зоні',
  'code.invalid-status-change': 'така зміна статусу не дозволена', 'code.too-long': 'задовго',
  'card.none': 'Людину не вибрано.', 'card.phone': 'Телефон', 'card.email': 'Ел. пошта', 'card.telegram': 'Telegram', 'card.address': 'Адреса',
  'card.newStatus': 'Новий статус', 'card.chooseStatus': 'Оберіть статус…', 'card.newTag': 'Нова мітка', 'card.support': 'Підтримка {n}/5',
  'card.unit': 'Осередок', 'card.joined': 'Член з', 'card.birthDate': 'Дата народження', 'card.lastContact': 'Останній контакт', 'card.never': 'не було',
  'card.contacts': 'Контакти', 'card.primary': 'основний', 'card.noContacts': 'Контактів немає.', 'card.consents': 'Згоди',
  'card.consent.granted': 'згоду надано', 'card.consent.withdrawn': 'згоду відкликано', 'card.consent.blocked': 'не турбувати',
  'card.consent.unknown': 'згоду не записано', 'card.tags': 'Мітки', 'card.removeTag': 'Прибрати мітку {tag}', 'card.addTag': 'Додати мітку',
  'card.status': 'Статус', 'card.changeStatus': 'Змінити статус', 'card.saved': 'Збережено.',
  'timeline.title': 'Історія', 'timeline.empty': 'Історії поки немає.', 'timeline.attendance': 'Захід: {status}',
  'timeline.status': 'Статус: {from} → {to}', 'timeline.consentGranted': 'Згоду надано: {channel}',
  'timeline.consentWithdrawn': 'Згоду відкликано: {channel}', 'timeline.unit': 'Переведено до іншого осередку',
  'timeline.task.CREATED': 'Створено завдання', 'timeline.task.MOVED': 'Завдання переміщено', 'timeline.task.ASSIGNED': 'Завдання призначено', 'timeline.task.CLOSED': 'Завдання закрито',
  'log.title': 'Записати контакт', 'log.type': 'Вид', 'log.outcome': 'Результат', 'log.noOutcome': 'Результат…', 'log.subject': 'Тема',
  'log.body': 'Нотатки', 'log.submit': 'Записати', 'log.done': 'Записано.',
  'search.title': 'Люди', 'search.placeholder': 'Ім’я, телефон або ел. пошта', 'search.query': 'Пошук людей', 'search.submit': 'Знайти',
  'search.status': 'Статус', 'search.anyStatus': 'Будь-який статус', 'search.tag': 'Мітка', 'search.notContacted': 'Без контакту, днів',
  'search.segment': 'Збережений сегмент', 'search.noSegment': 'Усі люди', 'search.selectAll': 'Вибрати всіх', 'search.select': 'Вибрати: {name}',
  'search.name': 'Ім’я', 'search.results': 'Результати пошуку', 'search.nothing': 'Нікого не знайдено.',
  'bulk.title': 'Дії з вибраними', 'bulk.selected': 'вибрано: {n}', 'bulk.tag': 'Мітка', 'bulk.addTag': 'Додати мітку', 'bulk.pipeline': 'Процес',
  'bulk.taskTitle': 'Назва завдання (типово ім’я)', 'bulk.addToPipeline': 'Додати до процесу', 'bulk.log': 'Записати всім', 'bulk.done': 'Готово: {n}.',
  'board.none': 'Процес не вибрано.', 'board.title': 'Дошка: {name}',
  'board.help': 'Перетягуйте картки між етапами або виберіть картку й натисніть Shift+→ / Shift+←, щоб перенести її, Shift+↑ / Shift+↓ — щоб змінити порядок, Enter — щоб відкрити.',
  'board.wip': '{n} при WIP-ліміті {limit}', 'board.atLimit': 'WIP-ліміт', 'board.moreCards': 'і ще {n}', 'board.overdue': 'прострочено',
  'board.moved': '«{title}» перенесено до етапу «{stage}»',
  'task.stage': 'Етап', 'task.priority': 'Пріоритет', 'task.due': 'Термін', 'task.assignee': 'Виконавець', 'task.checklist': 'Чек-лист',
  'task.comments': 'Коментарі', 'task.comment': 'Напишіть коментар', 'task.addComment': 'Коментувати', 'task.noComments': 'Коментарів поки немає.',
  'tasks.title': 'Мої завдання', 'tasks.overdue': 'Прострочені', 'tasks.today': 'На сьогодні', 'tasks.upcoming': 'Майбутні', 'tasks.empty': 'Тут порожньо.',
  'tasks.noDue': 'без терміну',
  'attendance.title': 'Відвідування', 'attendance.chooseEvent': 'Оберіть захід', 'attendance.noEvents': 'Немає нещодавніх або майбутніх заходів.',
  'attendance.registered': 'зареєструвалися', 'attendance.attended': 'прийшли', 'attendance.capacity': 'місць', 'attendance.came': 'Прийшов',
  'attendance.cameLabel': '{name}: прийшов', 'attendance.status': 'У списку', 'attendance.changes': 'Незбережених змін: {n}',
  'attendance.save': 'Зберегти відмітки', 'attendance.saved': 'Збережено: {n}.',
  'dash.newMembers': 'Нові люди за місяцями', 'dash.created': 'нові профілі', 'dash.joined': 'вступили в члени', 'dash.total': 'усього: {n}',
  'dash.month': 'Місяць', 'dash.channels': 'Контакти за каналами', 'dash.channel': 'Канал', 'dash.contacts': 'Контакти',
  'dash.funnel': 'Воронка процесу', 'dash.funnelHelp': 'картки, що увійшли в етап за останні 12 тижнів, і частка тих, що пройшли далі',
  'dash.entered': 'Увійшли', 'dash.now': 'Зараз', 'dash.conversion': 'Пройшли далі', 'dash.overdue': 'Прострочених карток: {n}',
  'dash.leaderboard': 'Рейтинг осередків', 'dash.branch': 'Осередок', 'dash.newMembersShort': 'Нові', 'dash.noData': 'За період даних немає.',
  'shell.title': 'Roster', 'shell.signIn': 'Увійти', 'shell.token': 'API-ключ або токен працівника', 'shell.tokenHelp': 'Зберігається лише в цій вкладці (sessionStorage), ніколи в адресі.',
  'shell.server': 'Сервер', 'shell.signOut': 'Вийти', 'shell.language': 'Мова', 'shell.nav': 'Розділи',
  'shell.members': 'Люди', 'shell.board': 'Дошка', 'shell.tasks': 'Мої завдання', 'shell.events': 'Відвідування', 'shell.dashboard': 'Зведення',
  'shell.pipeline': 'Процес', 'shell.back': 'До списку',
};

// The broadcasts and knowledge-base panels, the segment saving of the search and the card's Telegram link.
const PANELS = {
  en: {
    'common.save': 'Save', 'common.cancel': 'Cancel', 'common.delete': 'Delete', 'common.edit': 'Edit', 'common.choose': 'Choose…',
    'common.refresh': 'Refresh',
    'search.saveSegment': 'Save as a segment', 'search.segmentName': 'Segment name', 'search.segmentSaved': 'Segment saved: {name}.',
    'card.bot': 'Telegram bot', 'card.linked': 'chat linked on {date}', 'card.notLinked': 'chat not linked',
    'card.linkCode': 'Telegram link code', 'card.code': 'Code', 'card.deepLink': 'Link',
    'card.codeHelp': 'Give the member this code or link. It works once, until {date}.',
    'unit.label': 'Branch',
    'bc.title': 'Broadcasts', 'bc.new': 'New broadcast', 'bc.name': 'Name', 'bc.template': 'Template', 'bc.audience': 'Audience (segment)',
    'bc.noTemplates': 'No message templates yet.', 'bc.noSegments': 'No segments yet: save one in the member search.',
    'bc.channels': 'Channels, in order of preference', 'bc.use': 'Use {channel}', 'bc.up': 'Move {channel} up',
    'bc.startAt': 'Start at (empty: at once)', 'bc.startsAt': 'Start', 'bc.rate': 'Messages a second (0: no own limit)', 'bc.quietStart': 'Quiet hours from',
    'bc.quietEnd': 'Quiet hours until', 'bc.quietHelp': 'Empty quiet hours: the server’s default.', 'bc.maxAttempts': 'Attempts per message',
    'bc.create': 'Create broadcast', 'bc.created': 'Broadcast created: {name}.', 'bc.empty': 'No broadcasts yet.', 'bc.status': 'Status',
    'bc.recipients': 'Recipients', 'bc.created.at': 'Created', 'bc.start': 'Start', 'bc.pause': 'Pause', 'bc.resume': 'Resume',
    'bc.cancel': 'Cancel the broadcast', 'bc.back': 'All broadcasts', 'bc.progress': 'Progress', 'bc.done': 'done: {p}',
    'bc.skippedWhy': 'Why messages were skipped', 'bc.reason': 'Reason', 'bc.count': 'Messages', 'bc.deliveries': 'Deliveries',
    'bc.anyStatus': 'Any status', 'bc.member': 'Member', 'bc.profile': 'Profile', 'bc.channel': 'Channel', 'bc.attempts': 'Attempts',
    'bc.updated': 'Updated', 'bc.noDeliveries': 'No deliveries.', 'bc.preview': 'Preview for a member',
    'bc.previewSearch': 'Find a member by name', 'bc.previewFind': 'Find', 'bc.previewFor': 'Preview for {name}',
    'bc.previewLanguage': 'Language: {lang}', 'bc.subject': 'Subject', 'bc.text': 'Text', 'bc.live': 'Updated automatically while it runs.',
    'tpl.title': 'Message templates', 'tpl.new': 'New template', 'tpl.name': 'Template name', 'tpl.description': 'Description',
    'tpl.variant': 'Text in {lang}', 'tpl.subject': 'Subject ({lang})', 'tpl.text': 'Text ({lang})',
    'tpl.help': 'Variables: {{givenName}}, {{patronymic}}, {{familyName}}, {{displayName}}, {{orgUnitName}}, {{membershipNumber}}, {{status}}.',
    'tpl.save': 'Save template', 'tpl.edit': 'Edit template {name}', 'tpl.editing': 'Editing: {name}', 'tpl.saved': 'Template saved: {name}.', 'tpl.empty': 'No templates yet.',
    'kb.title': 'Knowledge base', 'kb.new': 'New entry', 'kb.entry': 'Entry', 'kb.questions': 'Questions', 'kb.question': 'Question {n}',
    'kb.questionLanguage': 'Language of question {n}', 'kb.addQuestion': 'Add a question', 'kb.removeQuestion': 'Remove question {n}',
    'kb.answers': 'Answers', 'kb.answer': 'Answer in {lang}', 'kb.wholeOrg': 'The whole organisation', 'kb.save': 'Save entry',
    'kb.saved': 'Entry saved.', 'kb.deleted': 'Entry deleted.', 'kb.empty': 'No entries yet.', 'kb.editing': 'Editing an entry',
    'kb.try': 'Try a question', 'kb.ask': 'Try', 'kb.askPlaceholder': 'A question as a member would write it',
    'kb.decision.ANSWER': 'The bot answers with the first entry.', 'kb.decision.SUGGEST': 'The bot offers these entries as buttons.',
    'kb.decision.NONE': 'The bot has no answer: the question goes unanswered.', 'kb.confidence': 'Confidence',
    'kb.stats': 'Typical questions, last 30 days', 'kb.asked': 'Asked: {n}', 'kb.answered': 'answered: {n}', 'kb.top': 'Most asked',
    'kb.unanswered': 'Most frequent unanswered', 'kb.count': 'Times', 'kb.noData': 'No questions in the period.',
    'shell.broadcasts': 'Broadcasts', 'shell.knowledge': 'Bot answers',
  },
  ru: {
    'common.save': 'Сохранить', 'common.cancel': 'Отмена', 'common.delete': 'Удалить', 'common.edit': 'Изменить', 'common.choose': 'Выберите…',
    'common.refresh': 'Обновить',
    'search.saveSegment': 'Сохранить как сегмент', 'search.segmentName': 'Название сегмента', 'search.segmentSaved': 'Сегмент сохранён: {name}.',
    'card.bot': 'Telegram-бот', 'card.linked': 'чат привязан {date}', 'card.notLinked': 'чат не привязан',
    'card.linkCode': 'Код привязки Telegram', 'card.code': 'Код', 'card.deepLink': 'Ссылка',
    'card.codeHelp': 'Передайте человеку этот код или ссылку. Код одноразовый и действует до {date}.',
    'unit.label': 'Отделение',
    'bc.title': 'Рассылки', 'bc.new': 'Новая рассылка', 'bc.name': 'Название', 'bc.template': 'Шаблон', 'bc.audience': 'Получатели (сегмент)',
    'bc.noTemplates': 'Шаблонов сообщений пока нет.', 'bc.noSegments': 'Сегментов пока нет: сохраните его в поиске людей.',
    'bc.channels': 'Каналы в порядке предпочтения', 'bc.use': 'Использовать {channel}', 'bc.up': 'Поднять {channel} выше',
    'bc.startAt': 'Начать (пусто — сразу)', 'bc.startsAt': 'Начало', 'bc.rate': 'Сообщений в секунду (0 — без своего лимита)', 'bc.quietStart': 'Тихие часы с',
    'bc.quietEnd': 'Тихие часы до', 'bc.quietHelp': 'Пустые тихие часы — значение сервера по умолчанию.', 'bc.maxAttempts': 'Попыток на сообщение',
    'bc.create': 'Создать рассылку', 'bc.created': 'Рассылка создана: {name}.', 'bc.empty': 'Рассылок пока нет.', 'bc.status': 'Состояние',
    'bc.recipients': 'Получателей', 'bc.created.at': 'Создана', 'bc.start': 'Запустить', 'bc.pause': 'Приостановить', 'bc.resume': 'Продолжить',
    'bc.cancel': 'Отменить рассылку', 'bc.back': 'Все рассылки', 'bc.progress': 'Ход рассылки', 'bc.done': 'готово: {p}',
    'bc.skippedWhy': 'Почему сообщения пропущены', 'bc.reason': 'Причина', 'bc.count': 'Сообщений', 'bc.deliveries': 'Доставки',
    'bc.anyStatus': 'Любое состояние', 'bc.member': 'Человек', 'bc.profile': 'Профиль', 'bc.channel': 'Канал', 'bc.attempts': 'Попыток',
    'bc.updated': 'Обновлено', 'bc.noDeliveries': 'Доставок нет.', 'bc.preview': 'Как увидит человек',
    'bc.previewSearch': 'Найти человека по имени', 'bc.previewFind': 'Найти', 'bc.previewFor': 'Показать для: {name}',
    'bc.previewLanguage': 'Язык: {lang}', 'bc.subject': 'Тема', 'bc.text': 'Текст', 'bc.live': 'Обновляется само, пока рассылка идёт.',
    'tpl.title': 'Шаблоны сообщений', 'tpl.new': 'Новый шаблон', 'tpl.name': 'Название шаблона', 'tpl.description': 'Описание',
    'tpl.variant': 'Текст: {lang}', 'tpl.subject': 'Тема ({lang})', 'tpl.text': 'Текст ({lang})',
    'tpl.help': 'Переменные: {{givenName}}, {{patronymic}}, {{familyName}}, {{displayName}}, {{orgUnitName}}, {{membershipNumber}}, {{status}}.',
    'tpl.save': 'Сохранить шаблон', 'tpl.edit': 'Изменить шаблон {name}', 'tpl.editing': 'Изменение: {name}', 'tpl.saved': 'Шаблон сохранён: {name}.', 'tpl.empty': 'Шаблонов пока нет.',
    'kb.title': 'База знаний', 'kb.new': 'Новая запись', 'kb.entry': 'Запись', 'kb.questions': 'Вопросы', 'kb.question': 'Вопрос {n}',
    'kb.questionLanguage': 'Язык вопроса {n}', 'kb.addQuestion': 'Добавить вопрос', 'kb.removeQuestion': 'Убрать вопрос {n}',
    'kb.answers': 'Ответы', 'kb.answer': 'Ответ: {lang}', 'kb.wholeOrg': 'Вся организация', 'kb.save': 'Сохранить запись',
    'kb.saved': 'Запись сохранена.', 'kb.deleted': 'Запись удалена.', 'kb.empty': 'Записей пока нет.', 'kb.editing': 'Изменение записи',
    'kb.try': 'Проверить вопрос', 'kb.ask': 'Проверить', 'kb.askPlaceholder': 'Вопрос так, как его напишет человек',
    'kb.decision.ANSWER': 'Бот ответит первой записью.', 'kb.decision.SUGGEST': 'Бот предложит эти записи кнопками.',
    'kb.decision.NONE': 'Ответа у бота нет: вопрос останется без ответа.', 'kb.confidence': 'Уверенность',
    'kb.stats': 'Типичные вопросы за 30 дней', 'kb.asked': 'Задано: {n}', 'kb.answered': 'с ответом: {n}', 'kb.top': 'Чаще всего спрашивают',
    'kb.unanswered': 'Чаще всего без ответа', 'kb.count': 'Раз', 'kb.noData': 'За период вопросов не было.',
    'shell.broadcasts': 'Рассылки', 'shell.knowledge': 'Ответы бота',
  },
  uk: {
    'common.save': 'Зберегти', 'common.cancel': 'Скасувати', 'common.delete': 'Видалити', 'common.edit': 'Змінити', 'common.choose': 'Оберіть…',
    'common.refresh': 'Оновити',
    'search.saveSegment': 'Зберегти як сегмент', 'search.segmentName': 'Назва сегмента', 'search.segmentSaved': 'Сегмент збережено: {name}.',
    'card.bot': 'Telegram-бот', 'card.linked': 'чат прив’язано {date}', 'card.notLinked': 'чат не прив’язано',
    'card.linkCode': 'Код прив’язки Telegram', 'card.code': 'Код', 'card.deepLink': 'Посилання',
    'card.codeHelp': 'Передайте людині цей код або посилання. Код одноразовий і діє до {date}.',
    'unit.label': 'Осередок',
    'bc.title': 'Розсилки', 'bc.new': 'Нова розсилка', 'bc.name': 'Назва', 'bc.template': 'Шаблон', 'bc.audience': 'Одержувачі (сегмент)',
    'bc.noTemplates': 'Шаблонів повідомлень поки немає.', 'bc.noSegments': 'Сегментів поки немає: збережіть його в пошуку людей.',
    'bc.channels': 'Канали в порядку переваги', 'bc.use': 'Використовувати {channel}', 'bc.up': 'Підняти {channel} вище',
    'bc.startAt': 'Почати (порожньо — одразу)', 'bc.startsAt': 'Початок', 'bc.rate': 'Повідомлень за секунду (0 — без власного ліміту)', 'bc.quietStart': 'Тихі години з',
    'bc.quietEnd': 'Тихі години до', 'bc.quietHelp': 'Порожні тихі години — типове значення сервера.', 'bc.maxAttempts': 'Спроб на повідомлення',
    'bc.create': 'Створити розсилку', 'bc.created': 'Розсилку створено: {name}.', 'bc.empty': 'Розсилок поки немає.', 'bc.status': 'Стан',
    'bc.recipients': 'Одержувачів', 'bc.created.at': 'Створено', 'bc.start': 'Запустити', 'bc.pause': 'Призупинити', 'bc.resume': 'Продовжити',
    'bc.cancel': 'Скасувати розсилку', 'bc.back': 'Усі розсилки', 'bc.progress': 'Перебіг розсилки', 'bc.done': 'готово: {p}',
    'bc.skippedWhy': 'Чому повідомлення пропущено', 'bc.reason': 'Причина', 'bc.count': 'Повідомлень', 'bc.deliveries': 'Доставки',
    'bc.anyStatus': 'Будь-який стан', 'bc.member': 'Людина', 'bc.profile': 'Профіль', 'bc.channel': 'Канал', 'bc.attempts': 'Спроб',
    'bc.updated': 'Оновлено', 'bc.noDeliveries': 'Доставок немає.', 'bc.preview': 'Як побачить людина',
    'bc.previewSearch': 'Знайти людину за ім’ям', 'bc.previewFind': 'Знайти', 'bc.previewFor': 'Показати для: {name}',
    'bc.previewLanguage': 'Мова: {lang}', 'bc.subject': 'Тема', 'bc.text': 'Текст', 'bc.live': 'Оновлюється саме, поки розсилка триває.',
    'tpl.title': 'Шаблони повідомлень', 'tpl.new': 'Новий шаблон', 'tpl.name': 'Назва шаблону', 'tpl.description': 'Опис',
    'tpl.variant': 'Текст: {lang}', 'tpl.subject': 'Тема ({lang})', 'tpl.text': 'Текст ({lang})',
    'tpl.help': 'Змінні: {{givenName}}, {{patronymic}}, {{familyName}}, {{displayName}}, {{orgUnitName}}, {{membershipNumber}}, {{status}}.',
    'tpl.save': 'Зберегти шаблон', 'tpl.edit': 'Змінити шаблон {name}', 'tpl.editing': 'Зміна: {name}', 'tpl.saved': 'Шаблон збережено: {name}.', 'tpl.empty': 'Шаблонів поки немає.',
    'kb.title': 'База знань', 'kb.new': 'Новий запис', 'kb.entry': 'Запис', 'kb.questions': 'Запитання', 'kb.question': 'Запитання {n}',
    'kb.questionLanguage': 'Мова запитання {n}', 'kb.addQuestion': 'Додати запитання', 'kb.removeQuestion': 'Прибрати запитання {n}',
    'kb.answers': 'Відповіді', 'kb.answer': 'Відповідь: {lang}', 'kb.wholeOrg': 'Уся організація', 'kb.save': 'Зберегти запис',
    'kb.saved': 'Запис збережено.', 'kb.deleted': 'Запис видалено.', 'kb.empty': 'Записів поки немає.', 'kb.editing': 'Зміна запису',
    'kb.try': 'Перевірити запитання', 'kb.ask': 'Перевірити', 'kb.askPlaceholder': 'Запитання так, як його напише людина',
    'kb.decision.ANSWER': 'Бот відповість першим записом.', 'kb.decision.SUGGEST': 'Бот запропонує ці записи кнопками.',
    'kb.decision.NONE': 'Відповіді в бота немає: запитання залишиться без відповіді.', 'kb.confidence': 'Впевненість',
    'kb.stats': 'Типові запитання за 30 днів', 'kb.asked': 'Поставлено: {n}', 'kb.answered': 'з відповіддю: {n}', 'kb.top': 'Найчастіше питають',
    'kb.unanswered': 'Найчастіше без відповіді', 'kb.count': 'Разів', 'kb.noData': 'За період запитань не було.',
    'shell.broadcasts': 'Розсилки', 'shell.knowledge': 'Відповіді бота',
  },
};
Object.assign(en, PANELS.en);
Object.assign(ru, PANELS.ru);
Object.assign(uk, PANELS.uk);

const ENUMS = {
  broadcastStatus: {
    en: { DRAFT: 'Draft', SCHEDULED: 'Scheduled', RUNNING: 'Running', PAUSED: 'Paused', COMPLETED: 'Completed', CANCELLED: 'Cancelled' },
    ru: { DRAFT: 'Черновик', SCHEDULED: 'Запланирована', RUNNING: 'Идёт', PAUSED: 'Приостановлена', COMPLETED: 'Завершена', CANCELLED: 'Отменена' },
    uk: { DRAFT: 'Чернетка', SCHEDULED: 'Запланована', RUNNING: 'Триває', PAUSED: 'Призупинена', COMPLETED: 'Завершена', CANCELLED: 'Скасована' },
  },
  deliveryStatus: {
    en: { QUEUED: 'Queued', SENDING: 'Sending', SENT: 'Sent', DELIVERED: 'Delivered', FAILED: 'Failed', SKIPPED: 'Skipped', CANCELLED: 'Cancelled' },
    ru: { QUEUED: 'В очереди', SENDING: 'Отправляется', SENT: 'Отправлено', DELIVERED: 'Доставлено', FAILED: 'Ошибка', SKIPPED: 'Пропущено', CANCELLED: 'Отменено' },
    uk: { QUEUED: 'У черзі', SENDING: 'Надсилається', SENT: 'Надіслано', DELIVERED: 'Доставлено', FAILED: 'Помилка', SKIPPED: 'Пропущено', CANCELLED: 'Скасовано' },
  },
  language: {
    en: { ru: 'Russian', uk: 'Ukrainian', en: 'English' },
    ru: { ru: 'русский', uk: 'украинский', en: 'английский' },
    uk: { ru: 'російська', uk: 'українська', en: 'англійська' },
  },
  status: {
    en: { PROSPECT: 'Prospect', SUPPORTER: 'Supporter', VOLUNTEER: 'Volunteer', MEMBER: 'Member', SUSPENDED: 'Suspended', LEFT: 'Left', DECEASED: 'Deceased' },
    ru: { PROSPECT: 'Потенциальный', SUPPORTER: 'Сторонник', VOLUNTEER: 'Волонтёр', MEMBER: 'Член', SUSPENDED: 'Приостановлен', LEFT: 'Выбыл', DECEASED: 'Умер' },
    uk: { PROSPECT: 'Потенційний', SUPPORTER: 'Прихильник', VOLUNTEER: 'Волонтер', MEMBER: 'Член', SUSPENDED: 'Призупинено', LEFT: 'Вибув', DECEASED: 'Помер' },
  },
  channel: {
    en: { PHONE: 'Phone', SMS: 'SMS', EMAIL: 'E-mail', TELEGRAM: 'Telegram', POST: 'Post', VISIT: 'Visit', IN_PERSON: 'In person', OTHER: 'Other' },
    ru: { PHONE: 'Телефон', SMS: 'SMS', EMAIL: 'Эл. почта', TELEGRAM: 'Telegram', POST: 'Почта', VISIT: 'Визит', IN_PERSON: 'Лично', OTHER: 'Другое' },
    uk: { PHONE: 'Телефон', SMS: 'SMS', EMAIL: 'Ел. пошта', TELEGRAM: 'Telegram', POST: 'Пошта', VISIT: 'Візит', IN_PERSON: 'Особисто', OTHER: 'Інше' },
  },
  consentChannel: {
    en: { TELEGRAM: 'Telegram', EMAIL: 'E-mail', SMS: 'SMS', PHONE: 'Calls', POST: 'Post', VISIT: 'Visits' },
    ru: { TELEGRAM: 'Telegram', EMAIL: 'Эл. почта', SMS: 'SMS', PHONE: 'Звонки', POST: 'Почта', VISIT: 'Визиты' },
    uk: { TELEGRAM: 'Telegram', EMAIL: 'Ел. пошта', SMS: 'SMS', PHONE: 'Дзвінки', POST: 'Пошта', VISIT: 'Візити' },
  },
  type: {
    en: { CALL: 'Call', SMS: 'SMS', EMAIL: 'E-mail', TELEGRAM: 'Telegram message', MEETING: 'Meeting', VISIT: 'Visit', EVENT_ATTENDANCE: 'Event attendance', TRAINING: 'Training', NOTE: 'Note', CANVASS: 'Door knock', OTHER: 'Other' },
    ru: { CALL: 'Звонок', SMS: 'SMS', EMAIL: 'Письмо', TELEGRAM: 'Сообщение в Telegram', MEETING: 'Встреча', VISIT: 'Визит', EVENT_ATTENDANCE: 'Участие в мероприятии', TRAINING: 'Обучение', NOTE: 'Заметка', CANVASS: 'Поквартирный обход', OTHER: 'Другое' },
    uk: { CALL: 'Дзвінок', SMS: 'SMS', EMAIL: 'Лист', TELEGRAM: 'Повідомлення в Telegram', MEETING: 'Зустріч', VISIT: 'Візит', EVENT_ATTENDANCE: 'Участь у заході', TRAINING: 'Навчання', NOTE: 'Нотатка', CANVASS: 'Поквартирний обхід', OTHER: 'Інше' },
  },
  outcome: {
    en: { REACHED: 'Reached', LEFT_MESSAGE: 'Left a message', NOT_HOME: 'Not at home', REFUSED: 'Refused', MOVED: 'Moved away', WRONG_NUMBER: 'Wrong number', DECEASED: 'Deceased', INACCESSIBLE: 'Inaccessible', OTHER: 'Other' },
    ru: { REACHED: 'Дозвонились', LEFT_MESSAGE: 'Оставили сообщение', NOT_HOME: 'Нет дома', REFUSED: 'Отказ', MOVED: 'Переехал', WRONG_NUMBER: 'Неверный номер', DECEASED: 'Умер', INACCESSIBLE: 'Недоступен', OTHER: 'Другое' },
    uk: { REACHED: 'Додзвонилися', LEFT_MESSAGE: 'Залишили повідомлення', NOT_HOME: 'Немає вдома', REFUSED: 'Відмова', MOVED: 'Переїхав', WRONG_NUMBER: 'Неправильний номер', DECEASED: 'Помер', INACCESSIBLE: 'Недоступний', OTHER: 'Інше' },
  },
  priority: {
    en: { LOW: 'Low', NORMAL: 'Normal', HIGH: 'High', URGENT: 'Urgent' },
    ru: { LOW: 'Низкий', NORMAL: 'Обычный', HIGH: 'Высокий', URGENT: 'Срочно' },
    uk: { LOW: 'Низький', NORMAL: 'Звичайний', HIGH: 'Високий', URGENT: 'Терміново' },
  },
  attendance: {
    en: { REGISTERED: 'Registered', ATTENDED: 'Attended', NO_SHOW: 'Did not come', CANCELLED: 'Cancelled' },
    ru: { REGISTERED: 'Записан', ATTENDED: 'Пришёл', NO_SHOW: 'Не пришёл', CANCELLED: 'Отменил' },
    uk: { REGISTERED: 'Зареєстрований', ATTENDED: 'Прийшов', NO_SHOW: 'Не прийшов', CANCELLED: 'Скасував' },
  },
  contactStatus: {
    en: { ACTIVE: 'active', BAD: 'not working', STALE: 'out of date' },
    ru: { ACTIVE: 'действует', BAD: 'не работает', STALE: 'устарел' },
    uk: { ACTIVE: 'чинний', BAD: 'не працює', STALE: 'застарілий' },
  },
};

const CATALOGUES = { en, ru, uk };
for (const [group, byLocale] of Object.entries(ENUMS)) {
  for (const [locale, values] of Object.entries(byLocale)) {
    for (const [k, v] of Object.entries(values)) CATALOGUES[locale]['enum.' + group + '.' + k] = v;
  }
}

/** The catalogues, for tests and for hosts that want to check coverage. */
export const catalogues = CATALOGUES;

/** ru, uk or en from any BCP 47 tag ("uk-UA" → uk); English when the language is not one of ours. */
export function normalizeLocale(tag) {
  const lang = String(tag || '').toLowerCase().split(/[-_]/)[0];
  return LOCALES.includes(lang) ? lang : 'en';
}

/** A message: the locale's, else English, else the key; {name} parameters filled in as text. */
export function translate(locale, key, params) {
  let text = CATALOGUES[locale]?.[key] ?? CATALOGUES.en[key];
  if (text === undefined) {
    const dot = key.lastIndexOf('.');
    text = key.startsWith('enum.') ? key.slice(dot + 1) : key;
  }
  if (params) text = text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  return text;
}

const INTL = { en: 'en-GB', ru: 'ru-RU', uk: 'uk-UA' };

/** A date-only value (2026-11-23) as the locale writes it; never shifted by the time zone. */
export function formatDate(locale, isoDate) {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(INTL[locale], { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** An instant in the browser's time zone. */
export function formatDateTime(locale, iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(INTL[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(locale, n) {
  return new Intl.NumberFormat(INTL[locale]).format(n);
}

export function formatPercent(locale, share) {
  return new Intl.NumberFormat(INTL[locale], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A month (its first day, 2026-11-01) as a short label, with the year when asked. */
export function monthName(locale, isoDate, withYear) {
  const [y, m] = isoDate.split('-').map(Number);
  const options = withYear ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(INTL[locale], options).format(Date.UTC(y, m - 1, 1));
}

/** A name given per language (pipelines, stages): the locale's, else English, Russian, Ukrainian, else the key. */
export function localName(locale, names, fallback) {
  if (!names) return fallback;
  return names[locale] || names.en || names.ru || names.uk || fallback;
}

/** A problem+json answer as one readable sentence: never the raw JSON. */
export function problemText(locale, status, problem) {
  const t = (k, p) => translate(locale, k, p);
  const type = problem && typeof problem.type === 'string' ? problem.type.replace('urn:roster:problem:', '') : '';
  let headline;
  const known = !!CATALOGUES.en['problem.' + type];
  if (known) headline = t('problem.' + type);
  else if (status === 429) headline = t('error.429', { s: (problem && problem.retryAfter) || '…' });
  else if (status >= 500 && status !== 503) headline = t('error.500', { ref: (problem && problem.detail && (problem.detail.match(/[0-9a-f-]{8,}/) || [])[0]) || '—' });
  else if (CATALOGUES.en['error.' + status]) headline = t('error.' + status);
  else headline = t('error.other', { status });
  const errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
  if (errors.length) {
    const parts = errors.slice(0, 5).map((e) => {
      const code = CATALOGUES[locale]['code.' + e.code] ? t('code.' + e.code) : e.message || e.code;
      return (e.path ? e.path + ': ' : '') + code;
    });
    return headline + ': ' + parts.join('; ') + (errors.length > 5 ? '; …' : '');
  }
  // a conflict we have no words for is explained by the server's own detail (in English)
  if (status === 409 && !known && problem && typeof problem.detail === 'string') return headline + ' (' + problem.detail + ')';
  return headline;
}
