package io.roster.web.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of RFC 7386, appendix A. */
class MergePatchTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "{'a':'b'}|{'a':'c'}|{'a':'c'}",
                "{'a':'b'}|{'b':'c'}|{'a':'b','b':'c'}",
                "{'a':'b'}|{'a':null}|{}",
                "{'a':'b','b':'c'}|{'a':null}|{'b':'c'}",
                "{'a':['b']}|{'a':'c'}|{'a':'c'}",
                "{'a':'c'}|{'a':['b']}|{'a':['b']}",
                "{'a':{'b':'c'}}|{'a':{'b':'d','c':null}}|{'a':{'b':'d'}}",
                "{'a':[{'b':'c'}]}|{'a':[1]}|{'a':[1]}",
                "['a','b']|['c','d']|['c','d']",
                "{'a':'b'}|['c']|['c']",
                "{'a':'foo'}|null|null",
                "{'a':'foo'}|'bar'|'bar'",
                "{'e':null}|{'a':1}|{'e':null,'a':1}",
                "[1,2]|{'a':'b','c':null}|{'a':'b'}",
                "{}|{'a':{'bb':{'ccc':null}}}|{'a':{'bb':{}}}"
            })
    void rfc7386Examples(String target, String patch, String expected) throws Exception {
        JsonNode t = JSON.readTree(target.replace('\'', '"'));
        JsonNode result = MergePatch.apply(t, JSON.readTree(patch.replace('\'', '"')));
        assertEquals(JSON.readTree(expected.replace('\'', '"')), result);
        assertEquals(JSON.readTree(target.replace('\'', '"')), t, "the target is not modified");
    }
}
