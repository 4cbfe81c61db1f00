package io.roster.impl.pipeline;

import io.roster.api.error.FieldError;
import io.roster.api.pipeline.AssigneeRule;
import io.roster.api.pipeline.Automation;
import io.roster.api.pipeline.AutomationTrigger;
import io.roster.api.pipeline.PipelineDraft;
import io.roster.api.pipeline.Stage;
import io.roster.api.pipeline.StageCategory;
import io.roster.impl.common.Texts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The rules a pipeline definition must satisfy, and its canonical form. */
public final class PipelineRules {
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Set<String> LANGUAGES = Set.of("ru", "uk", "en");
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_STAGES = 30;
    static final int MAX_AUTOMATIONS = 50;
    static final int MAX_REASONS = 50;
    static final int MAX_STAFF_ID_LENGTH = 200;
    static final int MAX_GROUP = 100;
    static final int MAX_SLA_DAYS = 3650;
    static final int MAX_WIP_LIMIT = 100_000;
    static final int MAX_MESSAGE_LENGTH = 1000;
    static final int MAX_TAG_LENGTH = 64;
    /** The card fields a stage may require; {@code checklistDone} means every checklist item is done. */
    public static final Set<String> REQUIRABLE =
            Set.of("assigneeId", "dueOn", "memberId", "description", "labels", "checklistDone");

    private PipelineRules() {}

    /**
     * Every reason the draft is invalid, each with its field path; empty when it is valid.
     *
     * @param strategies the ids of the assignment strategies available
     * @param stagesOf the stage keys of another pipeline by its key, or {@code null} when there is no such pipeline
     *     (for {@code CREATE_TASK} automations); the draft's own key is resolved to the draft's own stages
     */
    public static List<FieldError> validate(
            PipelineDraft d, Set<String> strategies, Function<String, List<String>> stagesOf) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            errors.add(new FieldError("", "required", "a pipeline is required"));
            return errors;
        }
        String key = Texts.clean(d.key());
        if (key == null) {
            errors.add(new FieldError("key", "required", "key is required"));
        } else if (!KEY.matcher(key).matches()) {
            errors.add(new FieldError(
                    "key", "invalid-key", "lower-case letters, digits and dashes, starting with a letter or digit"));
        }
        names(errors, "names", d.names());
        Set<String> stageKeys = new HashSet<>();
        boolean dropped = false;
        if (d.stages() == null || d.stages().isEmpty()) {
            errors.add(new FieldError("stages", "required", "at least one stage is required"));
        } else if (d.stages().size() > MAX_STAGES) {
            errors.add(new FieldError("stages", "too-many", "at most " + MAX_STAGES + " stages"));
        } else {
            for (int i = 0; i < d.stages().size(); i++) {
                Stage s = d.stages().get(i);
                if (s != null && s.key() != null && !stageKeys.add(s.key().strip())) {
                    errors.add(new FieldError("stages[" + i + "].key", "duplicate", "stage keys must be unique"));
                }
            }
            for (int i = 0; i < d.stages().size(); i++) {
                Stage s = d.stages().get(i);
                dropped |= s != null && s.category() == StageCategory.DROPPED;
                stage(errors, "stages[" + i + "]", s, stageKeys, strategies);
            }
        }
        List<String> reasons = d.abandonReasons() == null ? List.of() : d.abandonReasons();
        if (reasons.size() > MAX_REASONS) {
            errors.add(new FieldError("abandonReasons", "too-many", "at most " + MAX_REASONS + " reasons"));
        }
        Set<String> seenReasons = new HashSet<>();
        for (int i = 0; i < reasons.size(); i++) {
            String r = reasons.get(i) == null ? null : reasons.get(i).strip();
            if (r == null || !KEY.matcher(r).matches()) {
                errors.add(new FieldError(
                        "abandonReasons[" + i + "]", "invalid-key", "lower-case letters, digits and dashes"));
            } else if (!seenReasons.add(r)) {
                errors.add(new FieldError("abandonReasons[" + i + "]", "duplicate", "reasons must be unique"));
            }
        }
        if (dropped && reasons.isEmpty()) {
            errors.add(new FieldError(
                    "abandonReasons",
                    "required-for-dropped-stage",
                    "a pipeline with a DROPPED stage needs at least one abandon reason"));
        }
        List<Automation> automations = d.automations() == null ? List.of() : d.automations();
        if (automations.size() > MAX_AUTOMATIONS) {
            errors.add(new FieldError("automations", "too-many", "at most " + MAX_AUTOMATIONS + " automations"));
        } else {
            List<String> ownStages = d.stages() == null
                    ? List.of()
                    : d.stages().stream()
                            .filter(s -> s != null && s.key() != null)
                            .map(s -> s.key().strip())
                            .toList();
            Function<String, List<String>> resolve = k -> k.equals(key) ? ownStages : stagesOf.apply(k);
            for (int i = 0; i < automations.size(); i++) {
                automation(errors, "automations[" + i + "]", automations.get(i), stageKeys, resolve);
            }
        }
        return errors;
    }

    private static void stage(
            List<FieldError> errors, String path, Stage s, Set<String> stageKeys, Set<String> strategies) {
        if (s == null) {
            errors.add(new FieldError(path, "required", "a stage is required"));
            return;
        }
        String key = Texts.clean(s.key());
        if (key == null) {
            errors.add(new FieldError(path + ".key", "required", "key is required"));
        } else if (!KEY.matcher(key).matches()) {
            errors.add(new FieldError(path + ".key", "invalid-key", "lower-case letters, digits and dashes"));
        }
        names(errors, path + ".names", s.names());
        if (s.category() == null) {
            errors.add(new FieldError(path + ".category", "required", "category is required"));
        }
        if (s.slaDays() != null && (s.slaDays() < 1 || s.slaDays() > MAX_SLA_DAYS)) {
            errors.add(new FieldError(path + ".slaDays", "range", "slaDays is 1–" + MAX_SLA_DAYS + " or absent"));
        }
        if (s.wipLimit() != null && (s.wipLimit() < 1 || s.wipLimit() > MAX_WIP_LIMIT)) {
            errors.add(new FieldError(path + ".wipLimit", "range", "wipLimit is 1–" + MAX_WIP_LIMIT + " or absent"));
        }
        List<String> required = s.requiredFields() == null ? List.of() : s.requiredFields();
        for (int i = 0; i < required.size(); i++) {
            if (required.get(i) == null || !REQUIRABLE.contains(required.get(i).strip())) {
                errors.add(new FieldError(
                        path + ".requiredFields[" + i + "]",
                        "unknown-field",
                        "one of " + String.join(", ", new java.util.TreeSet<>(REQUIRABLE))));
            }
        }
        if (s.allowedNext() != null) {
            for (int i = 0; i < s.allowedNext().size(); i++) {
                String next = s.allowedNext().get(i);
                if (next == null || !stageKeys.contains(next.strip())) {
                    errors.add(new FieldError(
                            path + ".allowedNext[" + i + "]", "unknown-stage", "not a stage of this pipeline"));
                }
            }
        }
        AssigneeRule rule = s.assigneeRule();
        if (rule != null) {
            String strategy = Texts.clean(rule.strategy());
            if (strategy == null) {
                errors.add(new FieldError(path + ".assigneeRule.strategy", "required", "strategy is required"));
            } else if (!strategies.contains(strategy)) {
                errors.add(new FieldError(
                        path + ".assigneeRule.strategy",
                        "unknown-strategy",
                        "one of " + String.join(", ", new java.util.TreeSet<>(strategies))));
            } else if (strategy.equals("fixed") && !staffId(rule.staffId())) {
                errors.add(new FieldError(
                        path + ".assigneeRule.staffId", "required", "the fixed rule needs a staff member"));
            } else if (strategy.equals("round-robin")) {
                if (rule.group().isEmpty() || rule.group().size() > MAX_GROUP) {
                    errors.add(new FieldError(
                            path + ".assigneeRule.group",
                            "required",
                            "the round-robin rule needs 1–" + MAX_GROUP + " staff members"));
                }
                for (int i = 0; i < rule.group().size(); i++) {
                    if (!staffId(rule.group().get(i))) {
                        errors.add(new FieldError(
                                path + ".assigneeRule.group[" + i + "]", "invalid-staff-id", "a staff member id"));
                    }
                }
            }
        }
    }

    private static void automation(
            List<FieldError> errors,
            String path,
            Automation a,
            Set<String> stageKeys,
            Function<String, List<String>> stagesOf) {
        if (a == null) {
            errors.add(new FieldError(path, "required", "an automation is required"));
            return;
        }
        if (a.on() == null) {
            errors.add(new FieldError(path + ".on", "required", "on is required"));
        }
        if (a.stage() == null || !stageKeys.contains(a.stage().strip())) {
            errors.add(new FieldError(path + ".stage", "unknown-stage", "not a stage of this pipeline"));
        }
        if (a.action() == null) {
            errors.add(new FieldError(path + ".action", "required", "action is required"));
            return;
        }
        if (a.on() != null && !Automations.allowed(a.on(), a.action())) {
            errors.add(new FieldError(
                    path + ".action",
                    "not-allowed-on-trigger",
                    a.action() + " cannot run on " + a.on()
                            + (a.on() == AutomationTrigger.SLA_BREACH
                                    ? "; SLA breaches allow ASSIGN, RAISE_PRIORITY and NOTIFY"
                                    : "; RAISE_PRIORITY runs only on SLA_BREACH")));
        }
        switch (a.action()) {
            case CREATE_TASK -> {
                String target = Texts.clean(a.pipelineKey());
                List<String> targetStages = target == null ? null : stagesOf.apply(target);
                if (targetStages == null) {
                    errors.add(new FieldError(path + ".pipelineKey", "unknown-pipeline", "no such pipeline"));
                } else if (a.stageKey() != null
                        && !targetStages.contains(a.stageKey().strip())) {
                    errors.add(new FieldError(path + ".stageKey", "unknown-stage", "not a stage of that pipeline"));
                }
                if (a.title() != null && a.title().codePointCount(0, a.title().length()) > TaskRules.MAX_TITLE_LENGTH) {
                    errors.add(new FieldError(path + ".title", "too-long", "at most 200 characters"));
                }
            }
            case SET_MEMBER_STATUS -> {
                if (a.memberStatus() == null) {
                    errors.add(new FieldError(path + ".memberStatus", "required", "memberStatus is required"));
                }
            }
            case ADD_TAG -> {
                String tag = Texts.clean(a.tag());
                if (tag == null || tag.length() > MAX_TAG_LENGTH || Texts.hasControl(tag)) {
                    errors.add(new FieldError(path + ".tag", "required", "a tag of 1–64 characters"));
                }
            }
            case ASSIGN -> {
                if (!staffId(a.staffId())) {
                    errors.add(new FieldError(path + ".staffId", "required", "a staff member id"));
                }
            }
            case NOTIFY -> {
                String m = Texts.clean(a.message());
                if (m == null || m.length() > MAX_MESSAGE_LENGTH) {
                    errors.add(new FieldError(path + ".message", "required", "a message of 1–1000 characters"));
                }
            }
            case RAISE_PRIORITY -> {
                // no parameters
            }
        }
    }

    private static void names(List<FieldError> errors, String path, Map<String, String> names) {
        if (names == null || names.isEmpty()) {
            errors.add(new FieldError(path, "required", "a name in at least one of ru, uk, en"));
            return;
        }
        for (Map.Entry<String, String> e : names.entrySet()) {
            String p = path + "." + e.getKey();
            if (!LANGUAGES.contains(e.getKey())) {
                errors.add(new FieldError(p, "unknown-language", "one of ru, uk, en"));
                continue;
            }
            String v = Texts.clean(e.getValue());
            if (v == null) {
                errors.add(new FieldError(p, "required", "the name is blank"));
            } else if (v.codePointCount(0, v.length()) > MAX_NAME_LENGTH) {
                errors.add(new FieldError(p, "too-long", "at most " + MAX_NAME_LENGTH + " characters"));
            } else if (Texts.hasControl(v)) {
                errors.add(new FieldError(p, "invalid-characters", "control characters are not allowed"));
            }
        }
    }

    private static boolean staffId(String id) {
        String s = Texts.clean(id);
        return s != null && s.length() <= MAX_STAFF_ID_LENGTH && !Texts.hasControl(s);
    }

    /** The canonical form of a valid draft: text stripped, absent lists empty, names in a sorted map. */
    public static PipelineDraft normalize(PipelineDraft d) {
        List<Stage> stages = new ArrayList<>();
        for (Stage s : d.stages()) {
            AssigneeRule r = s.assigneeRule() == null
                    ? null
                    : new AssigneeRule(
                            r(s.assigneeRule().strategy()),
                            Texts.clean(s.assigneeRule().staffId()),
                            s.assigneeRule().group().stream().map(String::strip).toList());
            stages.add(new Stage(
                    s.key().strip(),
                    names(s.names()),
                    s.category(),
                    s.slaDays(),
                    s.wipLimit(),
                    s.requiredFields() == null
                            ? List.of()
                            : s.requiredFields().stream()
                                    .map(String::strip)
                                    .distinct()
                                    .toList(),
                    s.allowedNext() == null
                            ? null
                            : s.allowedNext().stream()
                                    .map(String::strip)
                                    .distinct()
                                    .toList(),
                    r));
        }
        List<Automation> automations = new ArrayList<>();
        for (Automation a : d.automations() == null ? List.<Automation>of() : d.automations()) {
            automations.add(new Automation(
                    a.on(),
                    a.stage().strip(),
                    a.action(),
                    Texts.clean(a.pipelineKey()),
                    Texts.clean(a.stageKey()),
                    Texts.clean(a.title()),
                    a.memberStatus(),
                    Texts.clean(a.tag()),
                    Texts.clean(a.staffId()),
                    Texts.clean(a.message())));
        }
        return new PipelineDraft(
                d.key().strip(),
                names(d.names()),
                Texts.clean(d.orgUnitId()),
                List.copyOf(stages),
                List.copyOf(automations),
                d.abandonReasons() == null
                        ? List.of()
                        : d.abandonReasons().stream().map(String::strip).toList());
    }

    private static String r(String s) {
        return s == null ? null : s.strip();
    }

    private static Map<String, String> names(Map<String, String> names) {
        Map<String, String> out = new TreeMap<>();
        names.forEach((k, v) -> out.put(k, v.strip()));
        return out;
    }

    /** The stages of a definition by key, in order. */
    public static Map<String, Stage> byKey(List<Stage> stages) {
        Map<String, Stage> out = new LinkedHashMap<>();
        for (Stage s : stages) {
            out.put(s.key(), s);
        }
        return out;
    }
}
