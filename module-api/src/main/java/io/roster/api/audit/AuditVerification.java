package io.roster.api.audit;

import java.util.List;

/**
 * The outcome of walking the audit trail's hash chain.
 *
 * @param intact whether every entry is as written and none is missing
 * @param entriesChecked how many entries were checked
 * @param headSequence the sequence of the last entry the chain head names
 * @param headHash the hash of that entry, hex; record it elsewhere to prove later that the trail was not rewritten
 * @param breaks where the chain is broken (at most 100), in chain order
 */
public record AuditVerification(
        boolean intact, long entriesChecked, long headSequence, String headHash, List<Break> breaks) {

    /**
     * One place where the chain does not hold.
     *
     * @param sequence the sequence of the entry where the break was found
     * @param entryId that entry's id, or {@code null} when the entry itself is gone
     * @param problem {@code altered} (the entry is not as written), {@code missing-before} (entries before it were
     *     removed), {@code missing-at-end} (the last entries were removed)
     */
    public record Break(long sequence, String entryId, String problem) {}
}
