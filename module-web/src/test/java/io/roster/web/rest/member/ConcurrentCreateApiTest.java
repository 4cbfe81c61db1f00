package io.roster.web.rest.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Requests that race for the same unique value: one wins, the others get the conflict a sequential caller gets. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ConcurrentCreateApiTest {
    static final int RACERS = 8;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    @Test
    void racingCreatesWithOneMembershipNumberMakeOneMemberAndConflicts() throws Exception {
        Api api = Api.admin(url);
        String root = Fixtures.root(api, "Race").get("id").asText();
        String number = Fixtures.unique("M");
        List<Integer> statuses = race(i -> {
            Map<String, Object> body = Fixtures.person(root, "Гонщик" + i, null, "Быстров" + i);
            body.put("membershipNumber", number);
            return api.post("/api/v1/members?allowDuplicates=true", body).status();
        });
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(RACERS - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    @Test
    void racingCreatesWithOneUnitCodeMakeOneUnitAndConflicts() throws Exception {
        Api api = Api.admin(url);
        String code = Fixtures.unique("RACE");
        List<Integer> statuses = race(
                i -> api.post("/api/v1/org-units", Map.of("code", code, "name", "Отделение " + i, "kind", "REGION"))
                        .status());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(RACERS - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    interface Racer {
        int run(int i) throws Exception;
    }

    static List<Integer> race(Racer racer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int n = i;
                Callable<Integer> task = () -> {
                    start.await();
                    return racer.run(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
