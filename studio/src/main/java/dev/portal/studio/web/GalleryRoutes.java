package dev.portal.studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.studio.account.Account;
import dev.portal.studio.account.AccountException;
import dev.portal.studio.design.Design;
import dev.portal.studio.design.Gallery;
import dev.portal.studio.design.Look;
import dev.portal.studio.game.LiveBoard;
import dev.portal.studio.game.PlayerRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.sql.SQLException;

/** Share a toy's look in the gallery; apply a shared look (its colours only, never XP) to a toy of your own. */
final class GalleryRoutes {
    private final Gallery gallery;
    private final PlayerRequests bridge;
    private final LiveBoard board;
    private final Ownership owners;

    GalleryRoutes(Gallery gallery, PlayerRequests bridge, LiveBoard board) {
        this.gallery = gallery;
        this.owners = new Ownership(bridge);
        this.bridge = bridge;
        this.board = board;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/gallery", this::list);
        routes.post("/api/gallery", this::share);
        routes.post("/api/gallery/{id}/apply", this::apply);
    }

    private void list(Context ctx) throws SQLException {
        Guard.session(ctx);
        ArrayNode designs = Bodies.JSON.createArrayNode();
        gallery.newest().forEach(d -> designs.add(json(d)));
        ctx.json(Bodies.JSON.createObjectNode().set("designs", designs));
    }

    private void share(Context ctx) throws SQLException {
        Account account = Guard.session(ctx).account();
        JsonNode body = Bodies.object(ctx);
        String uid = owners.require(account, Bodies.text(body, "uid", 40));
        JsonNode toy = board.toyDocument(uid).orElseThrow(() -> Problem.notFound("That is not one of your toys."));
        JsonNode c = toy.path("colours");
        try {
            Design design = gallery.share(account, Bodies.text(body, "title", 80), toy.path("toyType").asInt(),
                    new Look(c.path("primary").asText(), c.path("secondary").asText(), c.path("accent").asText()));
            ctx.json(json(design));
        } catch (AccountException e) {
            throw Problem.badRequest(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("That toy has no colours to share yet.");
        }
    }

    private void apply(Context ctx) throws SQLException {
        Account account = Guard.session(ctx).account();
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Problem.notFound("There is no such design.");
        }
        Design design = gallery.find(id).orElseThrow(() -> Problem.notFound("There is no such design."));
        String uid = owners.require(account, Bodies.text(Bodies.object(ctx), "uid", 40));
        JsonNode reply = Answers.await(bridge.recolour(uid, account.playerId(), design.look()));
        if (reply.path("status").asText().equals("rejected")) {
            throw Problem.badRequest(reply.path("detail").asText("The toy service refused the change."));
        }
        ctx.json(Bodies.JSON.createObjectNode().put("status", reply.path("status").asText()));
    }

    static ObjectNode json(Design d) {
        ObjectNode node = Bodies.JSON.createObjectNode().put("id", d.id()).put("title", d.title())
                .put("author", d.author()).put("toyType", d.toyType()).put("created", d.created().toString());
        node.putObject("colours").put("primary", d.look().primary()).put("secondary", d.look().secondary())
                .put("accent", d.look().accent());
        return node;
    }
}
