package io.roster.bench.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Russian and Ukrainian names, streets and towns from Datafaker's curated {@code ru.yml} and {@code uk.yml}. The lists
 * are read once; sampling is done by the generator's own seeded random, which is far faster than Datafaker's
 * expression engine and keeps every row reproducible from its seed alone.
 *
 * @param stems surname stems derived from the lists, for the long tail of family names
 */
public record NameData(
        List<String> maleGiven,
        List<String> femaleGiven,
        List<String> malePatronymics,
        List<String> femalePatronymics,
        List<String> maleFamily,
        List<String> femaleFamily,
        List<String> regions,
        List<String> towns,
        List<String> streets,
        List<String> emailDomains,
        List<String> stems,
        List<String> maleSuffixes,
        List<String> femaleSuffixes) {

    // Loaded once, on first use, by the class-holder idiom (thread-safe without locks).
    private static final class Loaded {
        static final NameData RUSSIAN = load(
                "ru",
                List.of("mail.ru", "yandex.ru", "gmail.com", "ya.ru", "rambler.ru", "bk.ru"),
                List.of("ов", "ев", "ин", "ский", "цев", "ых", "енков"),
                List.of("ова", "ева", "ина", "ская", "цева", "ых", "енкова"));
        static final NameData UKRAINIAN = load(
                "uk",
                List.of("ukr.net", "gmail.com", "i.ua", "meta.ua", "ukr.net", "email.ua"),
                List.of("енко", "ук", "чук", "ишин", "ський", "ак", "ович"),
                List.of("енко", "ук", "чук", "ишина", "ська", "ак", "ович"));
    }

    public static NameData russian() {
        return Loaded.RUSSIAN;
    }

    public static NameData ukrainian() {
        return Loaded.UKRAINIAN;
    }

    /** A given name. */
    public String given(SplittableRandom r, boolean female) {
        return pick(r, female ? femaleGiven : maleGiven);
    }

    /** A patronymic of the member's gender. */
    public String patronymic(SplittableRandom r, boolean female) {
        return pick(r, female ? femalePatronymics : malePatronymics);
    }

    /**
     * A family name. Datafaker's lists hold only a few hundred surnames, which would make every surname shared by
     * thousands of members at scale and name search far less selective than on real data. So 40 % come from the
     * list, mildly skewed (a few very common names, as Иванов or Шевченко are), and the rest form a long tail of
     * plausible surnames built from a stem (given names, towns, streets) and a surname suffix of the language.
     */
    public String family(SplittableRandom r, boolean female) {
        if (r.nextDouble() < 0.4) {
            List<String> list = female ? femaleFamily : maleFamily;
            int i = (int) (list.size() * Math.pow(r.nextDouble(), 1.5));
            return list.get(Math.min(i, list.size() - 1));
        }
        return pick(r, stems) + pick(r, female ? femaleSuffixes : maleSuffixes);
    }

    static String pick(SplittableRandom r, List<String> list) {
        return list.get(r.nextInt(list.size()));
    }

    @SuppressWarnings("unchecked")
    private static NameData load(String locale, List<String> domains, List<String> male, List<String> female) {
        try (InputStream in = NameData.class.getClassLoader().getResourceAsStream(locale + ".yml")) {
            if (in == null) {
                throw new IllegalStateException(locale + ".yml of Datafaker is not on the classpath");
            }
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(200);
            Map<String, Object> root = new Yaml(options).load(in);
            Map<String, Object> faker = (Map<String, Object>) ((Map<String, Object>) root.get(locale)).get("faker");
            Map<String, Object> name = (Map<String, Object>) faker.get("name");
            Map<String, Object> address = (Map<String, Object>) faker.get("address");
            List<String> maleGiven = strings(name, "male_first_name");
            List<String> femaleGiven = strings(name, "female_first_name");
            List<String> towns = strings(address, "city_name");
            List<String> streets = strings(address, "street_title");
            return new NameData(
                    maleGiven,
                    femaleGiven,
                    strings(name, "male_middle_name"),
                    strings(name, "female_middle_name"),
                    strings(name, "male_last_name"),
                    strings(name, "female_last_name"),
                    strings(address, "state"),
                    towns,
                    streets,
                    domains,
                    stems(maleGiven, femaleGiven, towns, streets),
                    male,
                    female);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Single Cyrillic words of the lists without their final vowels or soft sign: Садов-, Кузнечн-, Ольг-. */
    @SafeVarargs
    private static List<String> stems(List<String>... lists) {
        return Stream.of(lists)
                .flatMap(List::stream)
                .filter(w -> w.matches("\\p{IsCyrillic}{4,}"))
                .map(w -> w.replaceAll("[аеёиоуыэюяйьїєі]+$", ""))
                .filter(w -> w.length() >= 3)
                .distinct()
                .sorted()
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> section, String key) {
        Object v = section.get(key);
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException("Datafaker data lacks " + key);
        }
        return ((List<String>) list).stream().map(String::strip).distinct().toList();
    }
}
