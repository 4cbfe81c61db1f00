package io.roster.web.rest.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.roster.api.common.Language;
import io.roster.api.common.RawJson;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * The one JSON mapping of the REST API: unknown fields are refused, scalars are never coerced ("5" is not 5),
 * timestamps are ISO-8601 strings, absent values are left out, languages are their codes ({@code "uk"}). Values that
 * carry their stored JSON text ({@link RawJson}) are written as that text.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {
    private static final JsonFactory RAW_TEXT = new JsonFactory();

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /**
     * Last of all customizers, after Quarkus's own (which register the Java time module): serializers of a module
     * registered later win, and Roster's instants are written by {@link InstantJson}.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** Applies Roster's settings; public so tests and tools map JSON exactly as the server does. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // an absent boolean such as "primary" means false
        mapper.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        SimpleModule module = new SimpleModule("roster");
        module.addSerializer(Language.class, new JsonSerializer<>() {
            @Override
            public void serialize(Language value, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                gen.writeString(value.code());
            }
        });
        module.addDeserializer(Language.class, new JsonDeserializer<>() {
            @Override
            public Language deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.currentToken().isScalarValue() || p.currentToken().isNumeric()) {
                    return (Language) ctxt.handleUnexpectedToken(Language.class, p);
                }
                Language l = Language.fromTag(p.getText());
                if (l == null || !l.code().equals(p.getText())) {
                    return (Language) ctxt.handleWeirdStringValue(Language.class, p.getText(), "expected ru, uk or en");
                }
                return l;
            }
        });
        module.addKeySerializer(Language.class, new JsonSerializer<>() {
            @Override
            public void serialize(Language value, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                gen.writeFieldName(value.code());
            }
        });
        module.addKeyDeserializer(Language.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                Language l = Language.fromTag(key);
                if (l == null || !l.code().equals(key)) {
                    return ctxt.handleWeirdKey(Language.class, key, "expected ru, uk or en");
                }
                return l;
            }
        });
        module.addSerializer(java.time.Instant.class, new InstantJson());
        module.addSerializer(RawJson.class, new JsonSerializer<>() {
            @Override
            public void serialize(RawJson value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                if (gen instanceof TokenBuffer) {
                    // a tree being built (valueToTree): raw text has no place in it, the value's tokens have
                    try (JsonParser p = RAW_TEXT.createParser(value.json())) {
                        p.nextToken();
                        gen.copyCurrentStructure(p);
                    }
                } else {
                    // PostgreSQL's text of a jsonb object: valid JSON, written as it is
                    gen.writeRawValue(value.json());
                }
            }
        });
        mapper.registerModule(module);
        return mapper;
    }
}
