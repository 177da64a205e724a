package dev.portal.studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.studio.account.Account;
import dev.portal.studio.account.Accounts;
import dev.portal.studio.design.Gallery;
import dev.portal.studio.game.PlayerRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.sql.SQLException;
import java.time.Clock;

/**
 * A player's own data: everything the system holds about them as one JSON file, and deleting the account.
 * Deleting asks the bridge first to release the toys and anonymise the play history; only when it has done so
 * is the account deleted here, so a bridge that is away makes the request fail whole, never half done.
 */
final class AccountRoutes {
    private final Accounts accounts;
    private final Gallery gallery;
    private final PlayerRequests bridge;
    private final Guard guard;
    private final Clock clock;

    AccountRoutes(Accounts accounts, Gallery gallery, PlayerRequests bridge, Guard guard, Clock clock) {
        this.accounts = accounts;
        this.gallery = gallery;
        this.bridge = bridge;
        this.guard = guard;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/export", this::export);
        routes.post("/api/account/delete", this::delete);
    }

    private void export(Context ctx) throws SQLException {
        Account account = Guard.session(ctx).account();
        JsonNode fromBridge = Answers.ok(bridge.export(account.playerId()));
        ObjectNode out = Bodies.JSON.createObjectNode();
        out.put("exportedAt", clock.instant().toString());
        out.putObject("account").put("name", account.name()).put("playerId", account.playerId())
                .put("created", account.created().toString());
        out.set("toys", fromBridge.path("toys"));
        ArrayNode designs = out.putArray("designs");
        gallery.by(account).forEach(d -> designs.add(GalleryRoutes.json(d)));
        ctx.header("Content-Disposition", "attachment; filename=\"portal-studio-" + account.name() + ".json\"");
        ctx.json(out);
    }

    private void delete(Context ctx) throws SQLException {
        Account account = Guard.session(ctx).account();
        String password = Bodies.text(Bodies.object(ctx), "password", 200);
        if (!accounts.confirm(account, password)) {
            throw Problem.forbidden("That is not your password.");
        }
        JsonNode forgotten = Answers.ok(bridge.forget(account.playerId()));
        accounts.delete(account);
        guard.signOut(ctx);
        ctx.json(Bodies.JSON.createObjectNode().put("deleted", true)
                .put("toysReleased", forgotten.path("released").asInt()));
    }
}
