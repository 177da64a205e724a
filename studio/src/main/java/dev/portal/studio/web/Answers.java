package dev.portal.studio.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waiting for the bridge's answer on a page request: a bridge that does not answer is a 503, never a hang. */
final class Answers {
    private Answers() {
    }

    /** The answer; the future carries the game API's own timeout. */
    static JsonNode await(CompletableFuture<JsonNode> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problem.unavailable();
        } catch (ExecutionException e) {
            throw Problem.unavailable();
        }
    }

    /** The answer when its status is {@code ok}; otherwise a 400 with the bridge's detail. */
    static JsonNode ok(CompletableFuture<JsonNode> answer) {
        JsonNode reply = await(answer);
        if (!reply.path("status").asText().equals("ok")) {
            throw Problem.badRequest(reply.path("detail").asText("The toy service refused the request."));
        }
        return reply;
    }
}
