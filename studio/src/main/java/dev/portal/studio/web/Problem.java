package dev.portal.studio.web;

/** A request the studio answers with an error: the HTTP status and a sentence for the player. */
public final class Problem extends RuntimeException {
    private final int status;

    public Problem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static Problem badRequest(String message) {
        return new Problem(400, message);
    }

    static Problem forbidden(String message) {
        return new Problem(403, message);
    }

    static Problem notFound(String message) {
        return new Problem(404, message);
    }

    static Problem unavailable() {
        return new Problem(503, "The toy service is not answering just now. Try again in a moment.");
    }
}
