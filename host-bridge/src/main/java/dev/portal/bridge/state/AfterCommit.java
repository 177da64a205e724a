package dev.portal.bridge.state;

import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.ShowVerdict;
import dev.portal.protocol.frame.WriteArea;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The work a transaction leaves for after its commit: the portal and toy documents it changed, the game events
 * it staged, and the tag writes, rebirth requests, restart sweeps and command results it calls for. The rules
 * collect it inside the transaction and the caller acts on it only once that commits, so nothing is published
 * or sent for a change that was rolled back. (It was called Effects, which read as if the rules did these.)
 */
public final class AfterCommit {
    private final Map<String, PortalState> portals = new LinkedHashMap<>();
    private final Map<String, ToyProfile> toys = new LinkedHashMap<>();
    private final List<GameEvent> events = new ArrayList<>();
    private final List<ToyWrite> writes = new ArrayList<>();
    private final Set<String> rebirths = new LinkedHashSet<>();
    private final Set<String> restarted = new LinkedHashSet<>();
    private final List<DeviceResult> results = new ArrayList<>();
    private final List<OutboxEvent> staged = new ArrayList<>();
    private final List<Verdict> verdicts = new ArrayList<>();
    private final Map<String, ForeignToyDocument> foreignToys = new LinkedHashMap<>();

    /** A device's answer to a command the bridge sent. */
    public record DeviceResult(String deviceId, CommandResult result) {
    }

    /** A WriteArea the bridge must send to a device to bring a tag up to date with the profile. */
    public record ToyWrite(String deviceId, WriteArea command, long profileRevision) {
    }

    /** The bridge's verdict on a toy a portal reported, for the portal's light. */
    /** @param readMillis when the portal read the toy (the frame's time) */
    public record Verdict(String deviceId, ShowVerdict command, long readMillis) {
    }

    public void portal(PortalState portal) {
        portals.put(portal.deviceId(), portal);
    }

    public void toy(ToyProfile toy) {
        toys.put(toy.uid(), toy);
    }

    /** A toy of another line was read: its retained document (the newest read of each UID wins). */
    public void foreignToy(ForeignToyDocument document) {
        foreignToys.put(document.uid(), document);
    }

    public List<ForeignToyDocument> foreignToys() {
        return List.copyOf(foreignToys.values());
    }

    public void event(GameEvent event) {
        events.add(event);
    }

    public void write(ToyWrite write) {
        writes.add(write);
    }

    public void verdict(Verdict verdict) {
        verdicts.add(verdict);
    }

    public List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    public void rebirth(String deviceId) {
        rebirths.add(deviceId);
    }

    /** The device came back with a new boot: its old placements wait for the grace period. */
    public void restarted(String deviceId) {
        restarted.add(deviceId);
    }

    public Set<String> restarted() {
        return Set.copyOf(restarted);
    }

    public void result(DeviceResult result) {
        results.add(result);
    }

    public List<DeviceResult> results() {
        return List.copyOf(results);
    }

    /** The events, as written to the outbox in the same transaction (what is published after the commit). */
    public void addStaged(List<OutboxEvent> written) {
        staged.addAll(written);
    }

    public List<OutboxEvent> staged() {
        return List.copyOf(staged);
    }

    public void addAll(AfterCommit other) {
        staged.addAll(other.staged);
        results.addAll(other.results);
        portals.putAll(other.portals);
        toys.putAll(other.toys);
        events.addAll(other.events);
        writes.addAll(other.writes);
        verdicts.addAll(other.verdicts);
        rebirths.addAll(other.rebirths);
        restarted.addAll(other.restarted);
        foreignToys.putAll(other.foreignToys);
    }

    public List<PortalState> portals() {
        return List.copyOf(portals.values());
    }

    public List<ToyProfile> toys() {
        return List.copyOf(toys.values());
    }

    public List<GameEvent> events() {
        return List.copyOf(events);
    }

    public List<ToyWrite> writes() {
        return List.copyOf(writes);
    }

    public Set<String> rebirths() {
        return Set.copyOf(rebirths);
    }
}
