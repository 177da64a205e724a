package dev.portal.studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.studio.account.Account;
import dev.portal.studio.design.Look;
import dev.portal.studio.design.NameRules;
import dev.portal.studio.design.UpgradeCatalogue;
import dev.portal.studio.game.LiveBoard;
import dev.portal.studio.game.PlayerRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A player's toys: list, claim with a web code, look at one, co-design it, and its play history. */
final class ToyRoutes {
    private final PlayerRequests bridge;
    private final LiveBoard board;
    private final NameRules names;
    private final UpgradeCatalogue upgrades;
    private final AttemptLimiter claims;
    private final Ownership owners;

    ToyRoutes(PlayerRequests bridge, LiveBoard board, NameRules names, UpgradeCatalogue upgrades, AttemptLimiter claims) {
        this.bridge = bridge;
        this.owners = new Ownership(bridge);
        this.board = board;
        this.names = names;
        this.upgrades = upgrades;
        this.claims = claims;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/toys", this::mine);
        routes.get("/api/claimable", this::claimable);
        routes.post("/api/claim", this::claim);
        routes.get("/api/upgrades", ctx -> ctx.json(upgrades.all()));
        routes.get("/api/toys/{uid}", ctx -> ctx.json(document(ctx, owned(ctx))));
        routes.get("/api/toys/{uid}/history", this::history);
        routes.post("/api/toys/{uid}/design", this::design);
    }

    private void mine(Context ctx) {
        Account account = Guard.session(ctx).account();
        ArrayNode toys = Bodies.JSON.createArrayNode();
        for (String uid : owners.toysOf(account)) {
            JsonNode doc = board.toyDocument(uid).orElse(null);
            toys.add(doc != null ? doc.deepCopy() : Bodies.JSON.createObjectNode().put("uid", uid));
        }
        ctx.json(Bodies.JSON.createObjectNode().set("toys", toys));
    }

    /** Unclaimed toys lying on a portal now: the claim form offers them, so a player need not type a UID. */
    private void claimable(Context ctx) {
        Guard.session(ctx);
        ArrayNode toys = Bodies.JSON.createArrayNode();
        for (String uid : board.onPortals()) {
            board.toyDocument(uid).filter(doc -> !doc.path("claimed").asBoolean(true))
                    .ifPresent(doc -> toys.addObject().put("uid", uid).put("name", doc.path("name").asText("")));
        }
        ctx.json(Bodies.JSON.createObjectNode().set("toys", toys));
    }

    private void claim(Context ctx) {
        Account account = Guard.session(ctx).account();
        JsonNode body = Bodies.object(ctx);
        String uid = Bodies.text(body, "uid", 40).strip().toUpperCase(java.util.Locale.ROOT);
        String code = Bodies.text(body, "code", 40);
        AuthRoutes.limit(claims, account.playerId());
        if (!Ownership.isUid(uid)) {
            throw Problem.badRequest("No toy has that web code.");
        }
        JsonNode reply = Answers.await(bridge.claim(uid, account.playerId(), code));
        if (!reply.path("status").asText().equals("claimed")) {
            throw Problem.badRequest(sentence(reply.path("detail").asText("No toy has that web code.")));
        }
        ctx.json(Bodies.JSON.createObjectNode().put("uid", uid).put("claimed", true));
    }

    private void history(Context ctx) {
        String uid = owned(ctx);
        JsonNode reply = Answers.ok(bridge.history(uid));
        ObjectNode out = Bodies.JSON.createObjectNode();
        out.set("sessions", reply.path("sessions"));
        out.set("xp", reply.path("xp"));
        ctx.json(out);
    }

    private void design(Context ctx) {
        Account account = Guard.session(ctx).account();
        String uid = owned(ctx);
        JsonNode toy = document(ctx, uid);
        JsonNode body = Bodies.object(ctx);
        List<java.util.concurrent.CompletableFuture<JsonNode>> sent = new ArrayList<>();
        var name = Bodies.optionalText(body, "name", 80);
        if (name.isPresent() && !name.get().equals(toy.path("name").asText())) {
            names.problem(name.get()).ifPresent(p -> {
                throw Problem.badRequest(p);
            });
        }
        Look look = look(body, toy);
        Set<Integer> wanted = chosenUpgrades(body, toy);
        // checked everything first: nothing is sent unless the whole design is acceptable
        if (name.isPresent() && !name.get().equals(toy.path("name").asText())) {
            sent.add(bridge.rename(uid, account.playerId(), name.get()));
        }
        if (!look.equals(currentLook(toy))) {
            sent.add(bridge.recolour(uid, account.playerId(), look));
        }
        for (int id : wanted) {
            sent.add(bridge.unlockUpgrade(uid, account.playerId(), id));
        }
        String status = "unchanged";
        JsonNode profile = null;
        for (var answer : sent) {
            JsonNode reply = Answers.await(answer);
            String s = reply.path("status").asText();
            if (s.equals("rejected")) {
                throw Problem.badRequest(sentence(reply.path("detail").asText("The toy service refused the change.")));
            }
            status = s;
            if (reply.path("profile").isObject()) {
                profile = reply.path("profile");
            }
        }
        ObjectNode out = Bodies.JSON.createObjectNode().put("status", status);
        if (profile != null) {
            out.set("profile", profile);
        }
        ctx.json(out);
    }

    private static Look currentLook(JsonNode toy) {
        JsonNode c = toy.path("colours");
        return new Look(c.path("primary").asText("#808080"), c.path("secondary").asText("#202020"),
                c.path("accent").asText("#FFFFFF"));
    }

    private static Look look(JsonNode body, JsonNode toy) {
        Look now = currentLook(toy);
        String primary = Bodies.optionalText(body, "primary", 7).orElse(now.primary());
        String accent = Bodies.optionalText(body, "accent", 7).orElse(now.accent());
        if (Look.colour(primary).isEmpty() || Look.colour(accent).isEmpty()) {
            throw Problem.badRequest("Colours are #RRGGBB.");
        }
        return new Look(primary, now.secondary(), accent);
    }

    /** Upgrades newly chosen: each in the catalogue and within the toy's level. */
    private Set<Integer> chosenUpgrades(JsonNode body, JsonNode toy) {
        JsonNode list = body.path("upgrades");
        if (list.isMissingNode() || list.isNull()) {
            return Set.of();
        }
        if (!list.isArray() || list.size() > 64) {
            throw Problem.badRequest("upgrades must be a list of upgrade ids.");
        }
        Set<Integer> have = new HashSet<>();
        toy.path("upgrades").forEach(u -> have.add(u.asInt()));
        Set<Integer> wanted = new java.util.TreeSet<>();
        for (JsonNode id : list) {
            if (!id.isInt()) {
                throw Problem.badRequest("upgrades must be a list of upgrade ids.");
            }
            var upgrade = upgrades.find(id.asInt())
                    .orElseThrow(() -> Problem.badRequest("There is no upgrade " + id.asInt() + "."));
            if (upgrade.level() > toy.path("level").asInt()) {
                throw Problem.badRequest(upgrade.name() + " needs level " + upgrade.level() + ".");
            }
            if (!have.contains(upgrade.id())) {
                wanted.add(upgrade.id());
            }
        }
        return wanted;
    }

    /** The path's toy when it is the signed-in player's; 404 otherwise (the same for someone else's toy). */
    private String owned(Context ctx) {
        return owners.require(Guard.session(ctx).account(), ctx.pathParam("uid"));
    }

    private JsonNode document(Context ctx, String uid) {
        return board.toyDocument(uid).orElseThrow(() -> Problem.notFound("The toy service has not shown that toy yet."));
    }

    /** The bridge's details are lower-case phrases; the page shows sentences. */
    private static String sentence(String detail) {
        if (detail.isEmpty()) {
            return detail;
        }
        String s = Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
