package io.roster.bench.generate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Romanises names the way people and passports do (ICAO 9303 for Russian, the 2010 national table for Ukrainian),
 * deliberately not with ICU's BGN rules that Roster folds with: a Latin search for a Cyrillic name must bridge a real
 * difference in spelling, as "Sutiagin" for "Сутягин" does. Also used for e-mail addresses and Telegram names.
 */
public final class Latin {
    private static final Map<Character, String> RUSSIAN =
            table("а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=i к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=kh ц=ts"
                    + " ч=ch ш=sh щ=shch ъ=ie ы=y ь= э=e ю=iu я=ia");
    private static final Map<Character, String> UKRAINIAN =
            table("а=a б=b в=v г=h ґ=g д=d е=e є=ie ж=zh з=z и=y і=i ї=i й=i к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u"
                    + " ф=f х=kh ц=ts ч=ch ш=sh щ=shch ь= ю=iu я=ia ’= '=");

    private Latin() {}

    /** The passport spelling, capitalised like the input ("Сутягин" → "Sutiagin"). */
    public static String of(String cyrillic, boolean ukrainian) {
        Map<Character, String> table = ukrainian ? UKRAINIAN : RUSSIAN;
        StringBuilder out = new StringBuilder(cyrillic.length() + 4);
        for (int i = 0; i < cyrillic.length(); i++) {
            char ch = cyrillic.charAt(i);
            char lower = Character.toLowerCase(ch);
            String t = table.get(lower);
            if (t == null) {
                out.append(ch);
            } else if (ch != lower && !t.isEmpty()) {
                out.append(Character.toUpperCase(t.charAt(0))).append(t, 1, t.length());
            } else {
                out.append(t);
            }
        }
        return out.toString();
    }

    /** Lower-case ASCII letters only, for e-mail local parts and Telegram names. */
    public static String handle(String cyrillic, boolean ukrainian) {
        return of(cyrillic, ukrainian).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static Map<Character, String> table(String pairs) {
        HashMap<Character, String> map = new HashMap<>();
        for (String pair : pairs.split(" ")) {
            map.put(pair.charAt(0), pair.substring(2));
        }
        return Map.copyOf(map);
    }
}
