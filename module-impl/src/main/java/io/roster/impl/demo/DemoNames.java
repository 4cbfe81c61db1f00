package io.roster.impl.demo;

import com.ibm.icu.text.Transliterator;

/** Names, streets and labels of the demo data, as people in each region write them. */
record DemoNames(
        String[] maleGiven,
        String[] femaleGiven,
        String[] malePatronymics,
        String[] femalePatronymics,
        String[] familyNames,
        String[] streets,
        String[] tags,
        String[] skills,
        String position,
        boolean ukrainian) {

    static final DemoNames RUSSIAN = new DemoNames(
            new String[] {
                "Александр",
                "Сергей",
                "Дмитрий",
                "Андрей",
                "Алексей",
                "Иван",
                "Михаил",
                "Николай",
                "Евгений",
                "Юрий",
                "Пётр",
                "Артём"
            },
            new String[] {
                "Елена",
                "Ольга",
                "Наталья",
                "Татьяна",
                "Ирина",
                "Светлана",
                "Юлия",
                "Анна",
                "Мария",
                "Екатерина",
                "Людмила",
                "Дарья"
            },
            new String[] {
                "Иванович",
                "Петрович",
                "Сергеевич",
                "Николаевич",
                "Александрович",
                "Владимирович",
                "Михайлович",
                "Андреевич"
            },
            new String[] {
                "Ивановна",
                "Петровна",
                "Сергеевна",
                "Николаевна",
                "Александровна",
                "Владимировна",
                "Михайловна",
                "Андреевна"
            },
            new String[] {
                "Сутягин",
                "Иванов",
                "Смирнов",
                "Кузнецов",
                "Попов",
                "Васильев",
                "Петров",
                "Соколов",
                "Михайлов",
                "Новиков",
                "Фёдоров",
                "Морозов",
                "Волков",
                "Алексеев",
                "Лебедев",
                "Семёнов",
                "Егоров",
                "Павлов",
                "Козлов",
                "Степанов",
                "Щербаков",
                "Ёлкин"
            },
            new String[] {
                "ул. Ленина",
                "ул. Маршала Жукова",
                "пр. Мира",
                "ул. 10 лет Октября",
                "ул. Красный Путь",
                "ул. Герцена",
                "ул. Гагарина"
            },
            new String[] {"агитатор", "наблюдатель", "донор", "волонтёр-водитель", "ветеран", "студент"},
            new String[] {"вождение", "дизайн", "юриспруденция", "соцсети", "фотография", "публичные выступления"},
            "Секретарь первичного отделения",
            false);

    static final DemoNames UKRAINIAN = new DemoNames(
            new String[] {
                "Олександр",
                "Сергій",
                "Дмитро",
                "Андрій",
                "Олексій",
                "Іван",
                "Михайло",
                "Микола",
                "Євген",
                "Юрій",
                "Петро",
                "Григорій"
            },
            new String[] {
                "Олена",
                "Ольга",
                "Наталія",
                "Тетяна",
                "Ірина",
                "Світлана",
                "Юлія",
                "Ганна",
                "Марія",
                "Катерина",
                "Людмила",
                "Оксана"
            },
            new String[] {
                "Іванович",
                "Петрович",
                "Сергійович",
                "Миколайович",
                "Олександрович",
                "Володимирович",
                "Михайлович",
                "Андрійович"
            },
            new String[] {
                "Іванівна",
                "Петрівна",
                "Сергіївна",
                "Миколаївна",
                "Олександрівна",
                "Володимирівна",
                "Михайлівна",
                "Андріївна"
            },
            new String[] {
                "Шевченко",
                "Коваленко",
                "Бондаренко",
                "Ткаченко",
                "Кравченко",
                "Олійник",
                "Шевчук",
                "Поліщук",
                "Ковальчук",
                "Мельник",
                "Бойко",
                "Лисенко",
                "Руденко",
                "Савченко",
                "Петренко",
                "Марченко",
                "Їжакевич",
                "Хмельницький"
            },
            new String[] {
                "вул. Шевченка",
                "пр. Миру",
                "вул. Київська",
                "вул. Гетьмана Полуботка",
                "вул. Молодіжна",
                "вул. Рокосовського"
            },
            new String[] {"агітатор", "спостерігач", "донор", "волонтер-водій", "ветеран", "студент"},
            new String[] {"водіння", "дизайн", "право", "соцмережі", "фотографія", "публічні виступи"},
            "Секретар первинного осередку",
            true);

    private static final Transliterator LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    /** The feminine form of a family name, where the language has one. */
    String feminine(String family) {
        if (ukrainian) {
            if (family.endsWith("ський")) {
                return family.substring(0, family.length() - 5) + "ська";
            }
            return family;
        }
        if (family.endsWith("ов") || family.endsWith("ев") || family.endsWith("ёв") || family.endsWith("ин")) {
            return family + "а";
        }
        return family;
    }

    /** Plain Latin letters for made-up e-mail addresses and usernames. */
    static synchronized String latin(String cyrillic) {
        return LATIN.transliterate(cyrillic).replaceAll("[^A-Za-z]", "");
    }
}
