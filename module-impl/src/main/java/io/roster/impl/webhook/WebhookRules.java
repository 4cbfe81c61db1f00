package io.roster.impl.webhook;

import io.roster.api.error.FieldError;
import io.roster.api.webhook.WebhookSubscriptionDraft;
import io.roster.impl.common.Texts;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a subscription must look like. */
final class WebhookRules {
    static final Pattern EVENT_TYPE = Pattern.compile("\\*|[a-z][a-z-]{0,40}\\.(\\*|[a-z][a-z-]{0,60})");
    static final int MAX_TYPES = 50;

    private WebhookRules() {}

    static List<FieldError> check(WebhookSubscriptionDraft d) {
        List<FieldError> errors = new ArrayList<>();
        checkUrl(d.url(), errors);
        Set<String> types = d.eventTypes();
        if (types == null || types.isEmpty()) {
            errors.add(new FieldError(
                    "eventTypes", "required", "at least one event type, a family such as member.*, or *"));
        } else if (types.size() > MAX_TYPES) {
            errors.add(new FieldError("eventTypes", "too-many", "at most " + MAX_TYPES + " event types"));
        } else {
            int i = 0;
            for (String t : types.stream().sorted().toList()) {
                if (t == null || !EVENT_TYPE.matcher(t).matches()) {
                    errors.add(new FieldError(
                            "eventTypes[" + i + "]",
                            "invalid-event-type",
                            "an event type is like member.updated, member.* or *"));
                }
                i++;
            }
        }
        String description = Texts.clean(d.description());
        if (description != null && (description.length() > 500 || Texts.hasControl(description))) {
            errors.add(new FieldError("description", "invalid", "description is up to 500 characters"));
        }
        return errors;
    }

    static void checkUrl(String url, List<FieldError> errors) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            errors.add(new FieldError("url", "required", "an http or https URL of up to 2000 characters"));
            return;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                errors.add(new FieldError("url", "invalid-url", "an absolute http or https URL"));
            } else if (uri.getUserInfo() != null) {
                errors.add(new FieldError(
                        "url", "invalid-url", "credentials do not belong in the URL; deliveries are signed"));
            } else if (uri.getFragment() != null) {
                errors.add(new FieldError("url", "invalid-url", "a URL without a fragment"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "invalid-url", "an absolute http or https URL"));
        }
    }

    static void checkSecret(String secret, List<FieldError> errors) {
        if (secret != null && (secret.length() < 32 || secret.length() > 200 || Texts.hasControl(secret))) {
            errors.add(new FieldError("secret", "invalid-secret", "a secret is 32–200 characters"));
        }
    }
}
