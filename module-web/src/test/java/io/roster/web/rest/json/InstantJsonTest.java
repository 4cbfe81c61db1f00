package io.roster.web.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantJsonTest {
    private final ObjectMapper mapper = JsonConfig.configure(new ObjectMapper().findAndRegisterModules());

    @Test
    void writesExactlyTheIsoInstantTextOfTheFormatter() {
        List<Instant> edges = List.of(
                Instant.EPOCH,
                Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.parse("2026-11-24T01:47:35Z"),
                Instant.parse("2026-11-24T01:47:35.100Z"),
                Instant.parse("2026-11-24T01:47:35.000100Z"),
                Instant.parse("2026-11-24T01:47:35.000000100Z"),
                Instant.parse("2024-02-29T12:00:00.5Z"));
        for (Instant t : edges) {
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(t), text(t), t::toString);
        }
        SplittableRandom random = new SplittableRandom(7);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long end = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            int nano =
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    };
            Instant t = Instant.ofEpochSecond(random.nextLong(first, end + 1), nano);
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(t), text(t), t::toString);
        }
    }

    @Test
    void yearsBeyondFourDigitsFallBackToTheFormatter() throws Exception {
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");
        assertEquals(-1, InstantJson.format(far, new char[30]));
        assertEquals("{\"at\":\"+10000-01-01T00:00:00Z\"}", mapper.writeValueAsString(Map.of("at", far)));
        Instant before = Instant.parse("-0001-12-31T23:59:59Z");
        assertEquals("{\"at\":\"-0001-12-31T23:59:59Z\"}", mapper.writeValueAsString(Map.of("at", before)));
    }

    @Test
    void theApiMapperUsesIt() throws Exception {
        Instant t = Instant.parse("2026-11-24T01:47:35.123456Z");
        assertEquals("{\"at\":\"2026-11-24T01:47:35.123456Z\"}", mapper.writeValueAsString(Map.of("at", t)));
        record At(Instant at) {}
        assertEquals("[\"2026-11-24T01:47:35.123456Z\"]", mapper.writeValueAsString(List.of(t)));
        assertEquals("{\"at\":\"2026-11-24T01:47:35.123456Z\"}", mapper.writeValueAsString(new At(t)));
    }

    private static String text(Instant t) {
        char[] out = new char[30];
        return new String(out, 0, InstantJson.format(t, out));
    }
}
