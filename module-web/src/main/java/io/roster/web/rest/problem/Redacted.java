package io.roster.web.rest.problem;

/** Describes an exception chain by types and frames only, so a log line never repeats data from a message. */
final class Redacted {
    private Redacted() {}

    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        Throwable t = e;
        int depth = 0;
        while (t != null && depth++ < 8) {
            b.append(depth == 1 ? "" : "\n  caused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 12); i++) {
                b.append("\n    at ").append(frames[i]);
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return b.toString();
    }
}
