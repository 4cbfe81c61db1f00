package io.roster.web.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roster.api.common.RawJson;
import io.roster.web.testing.Deployments;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mapper the server writes responses with, as Quarkus builds it (its own customizers and modules included): Roster's
 * serializers are the ones in force there, not only in a mapper configured by hand.
 */
@ExtendWith(ArquillianExtension.class)
public class ServerMapperTest {
    @Deployment
    static WebArchive deployment() {
        return Deployments.roster().addClasses(ServerMapperTest.class);
    }

    @Inject
    ObjectMapper mapper;

    /** A map that carries its JSON text, as the implementation's stored JSON objects do. */
    static final class Stored extends AbstractMap<String, Object> implements RawJson {
        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Map.<String, Object>of("parsed", true).entrySet();
        }

        @Override
        public String json() {
            return "{\"как\": \"хранится\"}";
        }
    }

    @Test
    void instantsAreWrittenByInstantJson() throws Exception {
        assertInstanceOf(
                InstantJson.class, mapper.getSerializerProviderInstance().findValueSerializer(Instant.class));
        assertEquals(
                "{\"at\":\"2026-11-24T01:47:35.120Z\"}",
                mapper.writeValueAsString(Map.of("at", Instant.parse("2026-11-24T01:47:35.12Z"))));
    }

    @Test
    void storedJsonIsWrittenAsItsText() throws Exception {
        assertEquals("{\"data\":{\"как\": \"хранится\"}}", mapper.writeValueAsString(Map.of("data", new Stored())));
    }
}
