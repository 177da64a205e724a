package dev.portal.bridge.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.app.Bridge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The scripted play session: toys placed, moved and lifted; a tampered toy refused; a corrupted frame refused;
 * XP awarded by the game server, written onto the toy, and read back after the toy is lifted and placed again.
 */
public final class DemoSession {
    static final String HERO = DemoToys.HERO;
    static final String FRIEND = DemoToys.FRIEND;
    static final String FORGED = DemoToys.FORGED;
    static final String NEWBIE = DemoToys.NEWBIE;
    static final long AWARD = 500;
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Bridge bridge;
    private final DemoPortal portal;
    private final GameView view;
    private final SampleGameServer server;
    private final Duration pace;
    private final List<String> problems = new ArrayList<>();

    private final SimTag hero = DemoToys.hero();
    private final SimTag friend = DemoToys.friend();
    private final SimTag forged = DemoToys.forged();
    private final SimTag newbie = DemoToys.newbie();

    public DemoSession(Bridge bridge, DemoPortal portal, GameView view, SampleGameServer server, Duration pace) {
        this.bridge = bridge;
        this.portal = portal;
        this.view = view;
        this.server = server;
        this.pace = pace;
    }

    /** Blaze's tag, as the session left it (the console goes on with it). */
    SimTag hero() {
        return hero;
    }

    public DemoSummary play() throws Exception {
        view.say("-- the portal '" + portal.deviceId() + "' powers up");
        step(() -> portal.start(), e -> e.path("event").asText().isEmpty(), false);
        pause();
        view.say("-- the player puts Blaze on pad 0");
        step(() -> portal.place(0, 0, hero), recognised(HERO), true);
        view.say("-- and Frost on pad 1");
        step(() -> portal.place(1, 0, friend), recognised(FRIEND), true);
        view.say("-- Frost moves over to pad 0, beside Blaze");
        step(() -> portal.lift(1, 0), removed(FRIEND), true);
        step(() -> portal.place(0, 1, friend), recognised(FRIEND), true);
        view.say("-- a forged toy (its data fails the fleet signature) is put on pad 1");
        step(() -> portal.place(1, 0, forged), e -> type(e, "tampered"), true);
        step(() -> portal.lift(1, 0), removed(FORGED), true);
        view.say("-- a brand-new toy with an empty tag");
        step(() -> portal.place(1, 1, newbie), e -> type(e, "blank"), true);
        step(() -> portal.lift(1, 1), removed(NEWBIE), true);
        view.say("-- interference: a corrupted frame arrives on the portal's topic");
        int refusedBefore = view.deadLetters();
        portal.sendRaw("\u0010garbage-on-the-wire".getBytes(StandardCharsets.UTF_8));
        pause();

        long xpBefore = hero.record().orElseThrow().coCreation().xp();
        view.say("-- Blaze wins a battle: the game server awards " + AWARD + " XP");
        JsonNode reply = server.awardXp(HERO, AWARD).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        expect("written".equals(reply.path("status").asText()), "the award was not written: " + reply);
        pause();
        view.say("-- the player lifts Blaze and puts it back: the portal reads the tag again");
        step(() -> portal.lift(0, 0), removed(HERO), true);
        JsonNode reread = step(() -> portal.place(1, 0, hero), recognised(HERO), true);
        long xpReadBack = reread.at("/profile/xp").asLong();
        expect(xpReadBack == xpBefore + AWARD, "XP read back " + xpReadBack + " != " + (xpBefore + AWARD));
        expect(hero.record().orElseThrow().coCreation().xp() == xpBefore + AWARD, "the tag does not hold the XP");
        view.say("-- the session ends: every toy is lifted");
        step(() -> portal.lift(0, 1), removed(FRIEND), true);
        step(() -> portal.lift(1, 0), removed(HERO), true);

        bridge.awaitIdle();
        expect(view.deadLetters() > refusedBefore, "the corrupted frame was not refused");
        expect(view.counts().getOrDefault("tampered", 0) == 1, "the forged toy was not reported as tampered");
        int sessions = bridge.store().inTransaction(tx -> tx.sessions(HERO)).size();
        expect(sessions == 2, "Blaze should have 2 play sessions, has " + sessions);
        return new DemoSummary("Blaze", view.counts(), view.deadLetters(), bridge.counters().get("toyWritesConfirmed"),
                xpBefore, AWARD, xpReadBack, sessions, List.copyOf(problems));
    }

    private static boolean type(JsonNode e, String type) {
        return e.path("event").asText().equals(type);
    }

    private static Predicate<JsonNode> recognised(String uid) {
        return e -> type(e, "recognised") && e.path("uid").asText().equals(uid);
    }

    private static Predicate<JsonNode> removed(String uid) {
        return e -> type(e, "removed") && e.path("uid").asText().equals(uid);
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** Does one thing and, when {@code wait}, waits until the game server has seen its consequence. */
    private JsonNode step(Action action, Predicate<JsonNode> until, boolean wait) throws Exception {
        int before = view.eventCount();
        action.run();
        JsonNode seen = wait ? view.awaitEvent(before, until, WAIT) : null;
        pause();
        return seen;
    }

    private void pause() throws InterruptedException {
        Thread.sleep(pace.toMillis());
    }

    private void expect(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }
}
