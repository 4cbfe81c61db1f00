package io.roster.api.member;

import io.roster.api.error.ConflictException;
import java.util.List;

/** A new profile looks like one or more existing members; repeat with duplicates allowed to create it anyway. */
public class DuplicateMemberException extends ConflictException {
    private final List<DuplicateCandidate> candidates;

    public DuplicateMemberException(List<DuplicateCandidate> candidates) {
        super(
                "possible-duplicate",
                candidates.isEmpty()
                        ? "an existing member looks like the same person"
                        : candidates.size() + " existing member(s) look like the same person");
        this.candidates = List.copyOf(candidates);
    }

    /** The existing members it matched, best first; empty when the caller may not read members. */
    public List<DuplicateCandidate> candidates() {
        return candidates;
    }
}
