package io.roster.impl.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roster.impl.bot.ChatRateLimit.Verdict;
import org.junit.jupiter.api.Test;

class ChatRateLimitTest {
    @Test
    void withinTheLimitEveryMessageIsProcessed() {
        assertEquals(Verdict.PROCESS, ChatRateLimit.decide(1, false, 20));
        assertEquals(Verdict.PROCESS, ChatRateLimit.decide(20, false, 20));
    }

    @Test
    void theFirstMessageOverTheLimitGetsOneBusyReplyAndTheRestAreIgnored() {
        assertEquals(Verdict.REPLY_BUSY, ChatRateLimit.decide(21, false, 20));
        assertEquals(Verdict.IGNORE, ChatRateLimit.decide(22, true, 20));
        assertEquals(Verdict.IGNORE, ChatRateLimit.decide(500, true, 20));
    }

    @Test
    void noLimitWhenNotPositive() {
        assertEquals(Verdict.PROCESS, ChatRateLimit.decide(1_000, false, 0));
    }
}
