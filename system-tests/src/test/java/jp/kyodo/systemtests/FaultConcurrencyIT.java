package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Races between clients: two parties editing the same draft agreement from the same ETag, the two signatories
 * signing at the same moment, a commission's invoice paid by two staff at once from the same ETag, and one create sent
 * twenty times at once with the same Idempotency-Key. Nothing is lost and nothing happens twice.
 */
@ExtendWith(SystemUnderTest.class)
@Order(FaultOrder.CONCURRENCY)
class FaultConcurrencyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoPartiesEditingADraftFromTheSameETagExactlyOneWinsTheOtherGets412() throws Exception {
        CollaborationSteps steps = CollaborationSteps.parties();
        UUID agreement = steps.openAgreement("同時編集の協定");
        steps.awaitSignatoriesKnown(agreement);
        String path = "/api/agreements/" + agreement + "/working-copy";
        for (int round = 1; round <= 3; round++) {
            ExtractableResponse<Response> cityView = Gateway.as("staff1").get(path).then().statusCode(200).extract();
            ExtractableResponse<Response> npoView = Gateway.as("partner1").get(path).then().statusCode(200).extract();
            assertEquals(cityView.header("ETag"), npoView.header("ETag"), "both read the same version");
            String etag = cityView.header("ETag");
            String cityPurpose = "市の案 " + round;
            String npoPurpose = "NPOの案 " + round;
            Map<String, Object> cityEdit = edit(steps.department, cityView, cityPurpose);
            Map<String, Object> npoEdit = edit(steps.npo, npoView, npoPurpose);

            List<ExtractableResponse<Response>> answers = atOnce(List.of(
                    () -> Gateway.as("staff1").header("If-Match", etag).body(cityEdit).put(path).then().extract(),
                    () -> Gateway.as("partner1").header("If-Match", etag).body(npoEdit).put(path).then().extract()));
            List<Integer> statuses = answers.stream().map(ExtractableResponse::statusCode).sorted().toList();
            assertEquals(List.of(200, 412), statuses, "round " + round + ": " + answers.stream()
                    .map(ExtractableResponse::asString).toList());
            ExtractableResponse<Response> refused = answers.stream().filter(a -> a.statusCode() == 412).findFirst()
                    .orElseThrow();
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
            assertEquals("urn:kyodo:problem:precondition-failed", refused.path("type"));

            // The copy holds the winner's edit, and its ETag is the one the winner was given.
            int winner = answers.get(0).statusCode() == 200 ? 0 : 1;
            String expectedPurpose = winner == 0 ? cityPurpose : npoPurpose;
            ExtractableResponse<Response> after = Gateway.as("staff1").get(path).then().statusCode(200).extract();
            assertEquals(expectedPurpose, after.path("content.purpose"));
            assertEquals(answers.get(winner).header("ETag"), after.header("ETag"));
        }
    }

    @Test
    void aCommissionPaidTwiceAtOnceFromTheSameETagIsPaidOnce() throws Exception {
        FormSteps w = FormSteps.world();
        String dept = w.department.toString();
        String npo = w.npo.toString();
        Map<String, Object> content = w.costs(w.content("COLLABORATIVE_COMMISSION", "同時支払の委託"), 900_000, null);
        content.put("terms", Map.of("form", "COLLABORATIVE_COMMISSION", "paymentTerms", "LUMP_SUM", "specification",
                "清掃業務", "divisionOfRoles", "市が企画、団体が実施"));
        UUID agreement = w.inForce(content);
        String year = "/commission/years/" + FormSteps.YEAR;
        FormSteps.step("staff1", agreement, "/commission/inspector", Map.of("actingFor", dept, "inspectorSubject",
                DemoUsers.SIGNER1)).then().statusCode(200);
        FormSteps.step("partner1", agreement, year + "/completion-report", Map.of("actingFor", npo, "completedOn",
                FormSteps.TODAY.toString())).then().statusCode(200);
        FormSteps.step("signer1", agreement, year + "/inspection", Map.of("actingFor", dept, "result", "PASSED"))
                .then().statusCode(200);
        FormSteps.step("partner1", agreement, year + "/invoice", Map.of("actingFor", npo, "amountYen", 900_000))
                .then().statusCode(200);

        String etag = FormSteps.etag("staff1", agreement);
        String payment = "/api/agreements/" + agreement + year + "/payment";
        Map<String, Object> body = Map.of("actingFor", dept, "paidOn", FormSteps.TODAY.toString());
        List<ExtractableResponse<Response>> answers = atOnce(List.of(
                () -> Gateway.as("staff1").header("If-Match", etag).body(body).post(payment).then().extract(),
                () -> Gateway.as("signer1").header("If-Match", etag).body(body).post(payment).then().extract()));
        assertEquals(List.of(200, 412), answers.stream().map(ExtractableResponse::statusCode).sorted().toList(),
                answers.stream().map(ExtractableResponse::asString).toList().toString());
        Eventually.until("the payment is published", Eventually.CROSS_SERVICE, () -> Faults.everythingOn(
                Kyodo.AGREEMENTS_TOPIC).stream().anyMatch(r -> agreement.toString().equals(r.key())
                        && "jp.kyodo.agreement.commission-paid.v1".equals(KafkaEvents.type(r))));
        long paid = Faults.everythingOn(Kyodo.AGREEMENTS_TOPIC).stream().filter(r -> agreement.toString().equals(r.key())
                && "jp.kyodo.agreement.commission-paid.v1".equals(KafkaEvents.type(r))).map(r -> KafkaEvents.header(r,
                        "ce_id")).distinct().count();
        assertEquals(1, paid, "one payment announced");
    }

    @Test
    void bothSignatoriesSigningAtOnceActivateTheAgreementOnce() throws Exception {
        CollaborationSteps steps = CollaborationSteps.parties();
        UUID agreement = steps.openAgreement("同時署名の協定");
        steps.awaitSignatoriesKnown(agreement);
        CollaborationSteps.Frozen frozen = steps.submitForSignature(agreement);
        String signatures = "/api/agreements/" + agreement + "/signatures";
        Map<String, Object> citySignature = steps.signature(steps.department, frozen);
        Map<String, Object> npoSignature = steps.signature(steps.npo, frozen);

        List<ExtractableResponse<Response>> answers = atOnce(List.of(
                () -> Gateway.as("signer1").body(citySignature).post(signatures).then().extract(),
                () -> Gateway.as("partner1").body(npoSignature).post(signatures).then().extract()));
        // A signature that lost a race may be refused cleanly (409/412); signed again it must then be accepted.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            ExtractableResponse<Response> a = answers.get(i);
            statuses.add(a.statusCode());
            if (a.statusCode() != 201) {
                assertTrue(a.statusCode() == 409 || a.statusCode() == 412, "signature " + i + ": " + a.statusCode()
                        + " " + a.asString());
                assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
                String user = i == 0 ? "signer1" : "partner1";
                Map<String, Object> body = i == 0 ? citySignature : npoSignature;
                Gateway.as(user).body(body).post(signatures).then().statusCode(201);
            }
        }
        System.out.println("concurrent signatures answered " + statuses);

        assertEquals("ACTIVE", CollaborationSteps.state(agreement));
        Gateway.as("staff1").get(signatures).then().statusCode(200);
        List<ConsumerRecord<String, String>> events = Eventually.await("the activation is published",
                Eventually.CROSS_SERVICE, () -> {
                    List<ConsumerRecord<String, String>> all = Faults.everythingOn(Kyodo.AGREEMENTS_TOPIC);
                    boolean activated = all.stream().anyMatch(r -> agreement.toString().equals(r.key())
                            && "jp.kyodo.agreement.activated.v1".equals(KafkaEvents.type(r)));
                    return activated ? java.util.Optional.of(all) : java.util.Optional.empty();
                });
        Map<String, Integer> activations = Faults.copiesPerEventId(events, "jp.kyodo.agreement.activated.v1",
                r -> agreement.toString().equals(r.key()));
        assertEquals(1, activations.size(), "one activation event: " + activations);
        assertEquals(Set.of(1), Set.copyOf(activations.values()), "published once: " + activations);
        Map<String, Integer> signed = Faults.copiesPerEventId(events, "jp.kyodo.agreement.signed.v2",
                r -> agreement.toString().equals(r.key()));
        assertEquals(2, signed.size(), "one signed event per signatory: " + signed);
        // Downstream: one evaluation plan for it.
        Eventually.until("evaluation-service made the plan", Eventually.CROSS_SERVICE,
                () -> !CollaborationSteps.plansOf(agreement).isEmpty());
        Faults.awaitCaughtUp(jp.kyodo.stack.ServiceSpec.EVALUATIONS, List.of(Kyodo.AGREEMENTS_TOPIC),
                Eventually.CROSS_SERVICE);
        assertEquals(1, CollaborationSteps.plansOf(agreement).size());
    }

    @Test
    void theSameCreateSentTwentyTimesAtOnceWithOneIdempotencyKeyCreatesOneOrganisation() throws Exception {
        String name = "冪等性の会 " + Kyodo.tag();
        Map<String, Object> organization = Kyodo.organization("CIVIC_GROUP", name, "べきとうせいのかい",
                Kyodo.randomCorporateNumber(), List.of("OTHER"));
        String body = JSON.writeValueAsString(organization);
        String key = UUID.randomUUID().toString();
        String token = Gateway.token("staff1");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(SystemUnderTest.gatewayUrl()
                        + "/api/directory/organizations"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();

        List<JsonNode> bodies = new ArrayList<>();
        int replayed = 0;
        for (CompletableFuture<HttpResponse<String>> f : sent) {
            HttpResponse<String> r = f.get();
            assertEquals(201, r.statusCode(), r.body());
            bodies.add(JSON.readTree(r.body()));
            if (r.headers().firstValue("Idempotent-Replayed").isPresent()) {
                replayed++;
            }
        }
        System.out.printf("20 identical creates with one Idempotency-Key: 20 x 201, %d replayed%n", replayed);
        assertEquals(19, replayed, "one request created, the others replayed its answer");
        String id = bodies.get(0).path("id").asText();
        for (JsonNode b : bodies) {
            assertEquals(bodies.get(0), b, "every answer has the same body");
        }
        Gateway.as("staff1").get("/api/directory/organizations/" + id).then().statusCode(200);

        // One organisation with that name was registered, and announced once.
        List<ConsumerRecord<String, String>> directory = Eventually.await("the registration is published",
                Eventually.CROSS_SERVICE, () -> {
                    List<ConsumerRecord<String, String>> all = Faults.everythingOn(Kyodo.DIRECTORY_TOPIC);
                    return all.stream().anyMatch(r -> id.equals(r.key())) ? java.util.Optional.of(all)
                            : java.util.Optional.empty();
                });
        Map<String, Integer> registered = Faults.copiesPerEventId(directory, "jp.kyodo.organization.registered.v1",
                r -> r.value() != null && r.value().contains(name));
        assertEquals(1, registered.size(), "organisations registered with the name: " + registered);
        assertEquals(Set.of(1), Set.copyOf(registered.values()));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Map<String, Object> edit(UUID actingFor, ExtractableResponse<Response> view, String purpose)
            throws IOException {
        ObjectNode content = (ObjectNode) JSON.readTree(view.asString()).path("content");
        content.put("purpose", purpose);
        return Map.of("actingFor", actingFor.toString(), "content", content);
    }

    /** Runs the calls at the same moment (released together from a latch) and returns their answers in order. */
    static <T> List<T> atOnce(List<java.util.concurrent.Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (java.util.concurrent.Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
