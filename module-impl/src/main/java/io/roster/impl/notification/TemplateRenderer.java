package io.roster.impl.notification;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.codes.ExtendCode;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.PartialCode;
import com.github.mustachejava.codes.ValueCode;
import io.roster.api.error.FieldError;
import io.roster.api.notification.TemplateService;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles and renders templates with Mustache (mustache.java). Text bodies are rendered as they are (a name with
 * {@code <} or {@code &} stays as written); HTML bodies escape every variable. Partials and template inheritance are
 * refused (they would read files), and so is unescaped output ({@code {{{x}}}}, {@code {{&x}}}) in HTML.
 */
public final class TemplateRenderer {
    private static final Set<String> KNOWN = Set.copyOf(TemplateService.VARIABLES);
    private static final Pattern UNESCAPED = Pattern.compile("\\{\\{\\s*(\\{|&)");

    private TemplateRenderer() {}

    /** A template compiled for one kind of body. */
    public record Compiled(Mustache mustache) {
        public String render(Map<String, Object> variables) {
            StringWriter out = new StringWriter();
            mustache.execute(out, variables);
            return out.toString();
        }
    }

    /** Text bodies: variables are written unchanged. */
    private static final class TextFactory extends DefaultMustacheFactory {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException(e);
            }
        }

        @Override
        public Mustache compilePartial(String s) {
            throw new MustacheException("partials are not allowed");
        }
    }

    private static final class HtmlFactory extends DefaultMustacheFactory {
        @Override
        public Mustache compilePartial(String s) {
            throw new MustacheException("partials are not allowed");
        }
    }

    /**
     * Compiles a body, adding an error at {@code path} when it does not compile or uses a variable Roster does not
     * know.
     *
     * @return the compiled template, or {@code null} when there were errors
     */
    public static Compiled compile(String source, boolean html, String path, List<FieldError> errors) {
        if (html && UNESCAPED.matcher(source).find()) {
            errors.add(new FieldError(path, "unescaped-variable", "HTML bodies escape every variable: use {{name}}"));
            return null;
        }
        Mustache m;
        try {
            m = (html ? new HtmlFactory() : new TextFactory()).compile(new StringReader(source), path);
        } catch (MustacheException | IllegalArgumentException e) {
            errors.add(new FieldError(path, "template-syntax", "the template does not compile: check its {{tags}}"));
            return null;
        }
        List<String> unknown = new ArrayList<>();
        boolean partial = walk(m.getCodes(), unknown);
        if (partial) {
            errors.add(new FieldError(path, "partial-not-allowed", "partials and inheritance are not allowed"));
            return null;
        }
        if (!unknown.isEmpty()) {
            errors.add(new FieldError(
                    path,
                    "unknown-variable",
                    "unknown variable(s) " + String.join(", ", unknown) + "; known: "
                            + String.join(", ", TemplateService.VARIABLES)));
            return null;
        }
        return new Compiled(m);
    }

    /**
     * Compiles a body known to be valid (it was validated when saved).
     *
     * @throws IllegalStateException when it is not
     */
    public static Compiled compileValid(String source, boolean html) {
        List<FieldError> errors = new ArrayList<>();
        Compiled c = compile(source, html, "template", errors);
        if (c == null) {
            throw new IllegalStateException("stored template does not compile: " + errors);
        }
        return c;
    }

    private static boolean walk(Code[] codes, List<String> unknown) {
        if (codes == null) {
            return false;
        }
        for (Code code : codes) {
            if (code instanceof PartialCode || code instanceof ExtendCode) {
                return true;
            }
            if (code instanceof ValueCode || code instanceof IterableCode || code instanceof NotIterableCode) {
                String name = code.getName();
                if (name != null && !KNOWN.contains(name) && !unknown.contains(name)) {
                    unknown.add(name);
                }
            }
            if (walk(code.getCodes(), unknown)) {
                return true;
            }
        }
        return false;
    }
}
