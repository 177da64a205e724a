#!/usr/bin/env python3
"""Independent, non-normative decoder of portal frames, written from protocol/SPEC.md alone.

It decodes every case of a conformance file (default: frames.json beside this script) and checks the result
against the expected tree or error reason. Exit code 0 when every case agrees. Standard library only.
Usage: reference_decoder.py [frames.json]
"""
import json
import os
import sys

MAX_FRAME = 4096
OVERHEAD = 21


class Reject(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


class Cursor:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def remaining(self):
        return len(self.data) - self.pos

    def take(self, n):
        if n > self.remaining():
            raise Reject("truncated")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def uint(self, n):
        return int.from_bytes(self.take(n), "big")

    def prefixed(self, prefix, low, high):
        n = self.uint(prefix)
        if n > high:
            raise Reject("too_long")
        if n < low:
            raise Reject("bad_field")
        return self.take(n)

    def text(self, prefix, cap, low=0):
        raw = self.prefixed(prefix, low, cap)
        if b"\x00" in raw:
            raise Reject("bad_utf8")
        try:
            return raw.decode("utf-8", errors="strict")
        except UnicodeDecodeError:
            raise Reject("bad_utf8")


def enum(code, names):
    if code not in names:
        raise Reject("bad_field")
    return names[code]


def rgb(b):
    return b.hex()


def foreign_block(c):
    # SPEC.md 5.3, since 1.2: line (closed), check (0 passed, 1 failed), then the ids when passed.
    block = {"line": enum(c.uint(1), TOY_LINES)}
    check = c.uint(1)
    if check == 1:
        block["check"] = "failed"
        return block
    if check != 0:
        raise Reject("bad_field")
    block["check"] = "passed"
    block["form"] = TOY_FORMS.get(c.uint(1), "other")
    block["characterId"] = c.uint(2)
    block["variant"] = c.uint(2)
    block["series"] = c.uint(1)
    return block


def toy_record(body):
    # SPEC.md section 11 (Toy record), "Record body"; any invalid body makes the frame bad_field.
    if len(body) < 27 or body[0] != 1 or body[26] > 20 or len(body) != 27 + body[26]:
        raise Reject("bad_field")
    try:
        name = body[27:].decode("utf-8", errors="strict")
    except UnicodeDecodeError:
        raise Reject("bad_field")
    if any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in name):
        raise Reject("bad_field")
    upgrades = int.from_bytes(body[13:21], "big")
    return {"toyType": int.from_bytes(body[1:3], "big"), "variant": body[3], "recordVersion": 1,
            "coCreation": {"name": name,
                           "colours": {"primary": rgb(body[4:7]), "secondary": rgb(body[7:10]), "accent": rgb(body[10:13])},
                           "upgrades": [i for i in range(64) if upgrades >> i & 1],
                           "xp": int.from_bytes(body[21:25], "big"), "level": body[25]}}


TAG_TYPES = {1: "classic_1k", 2: "ntag213", 3: "ntag215", 4: "ntag216", 5: "classic_4k", 6: "classic_mini", 0: "other"}
VERDICTS = {1: "recognised", 2: "blank", 3: "unknown", 4: "tampered", 5: "foreign"}
TOY_LINES = {1: "amiibo", 2: "skylanders", 3: "lego_dimensions"}
TOY_FORMS = {0: "figure", 1: "card", 2: "yarn", 3: "band", 4: "vehicle", 255: "other"}
CAPABILITIES = ["led", "toy_write", "calibration", "config", "firmware_update", "multi_tag", "serial_console",
                "host_judged", "foreign_toys"]
STATUSES = {0: "ok", 1: "rejected", 2: "failed", 3: "unknown_command", 4: "busy", 5: "timeout", 6: "no_tag"}
LED_MODES = {0: "off", 1: "solid", 2: "blink", 3: "pulse"}
COUNTERS = ["uptimeSeconds", "pollsPerSecondX100", "readErrors", "readerResets", "corruptTags", "rejectedCommands",
            "outboxDepth", "outboxDropped", "brokerReconnects", "tagsPresent"]


def tag_fields(c):
    pad, slot = c.uint(1), c.uint(1)
    uid = c.prefixed(1, 1, 10)
    return {"pad": pad, "slot": slot, "uid": uid.hex()}


def unique_pads(entries):
    pads = [e["pad"] for e in entries]
    if len(pads) != len(set(pads)):
        raise Reject("bad_field")


def birth(c):
    device_id = c.text(1, 64)
    if not device_id or any(ch not in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-" for ch in device_id):
        raise Reject("bad_field")
    body = {"deviceId": device_id, "firmwareVersion": c.text(1, 255)}
    caps = c.uint(4)
    config_version = c.uint(4)
    body["capabilities"] = [name for i, name in enumerate(CAPABILITIES) if caps >> i & 1]
    pads, cal = [], []
    count = c.uint(1)
    if count > 32:
        raise Reject("too_long")
    for _ in range(count):
        e = Cursor(c.prefixed(1, 0, 255))
        pads.append({"pad": e.uint(1), "slots": e.uint(1), "reader": e.text(1, 255)})
    count = c.uint(1)
    if count > 32:
        raise Reject("too_long")
    for _ in range(count):
        e = Cursor(c.prefixed(1, 0, 255))
        entry = {"pad": e.uint(1), "antennaGainDb": e.uint(1), "removalMissThreshold": e.uint(1)}
        if entry["removalMissThreshold"] == 0:
            raise Reject("bad_field")
        cal.append(entry)
    unique_pads(pads)
    unique_pads(cal)
    body.update({"pads": pads, "calibration": cal, "configVersion": config_version})
    return body


def command(c):
    body = {"correlationId": c.uint(4)}
    kind = c.uint(1)
    if kind == 1:
        body.update({"kind": "set_led", "pad": c.uint(1), "rgb": rgb(c.take(3)), "mode": enum(c.uint(1), LED_MODES),
                     "durationMillis": c.uint(4)})
    elif kind == 2:
        body["kind"] = "write_toy"
        body.update(tag_fields(c))
        body["record"] = toy_record(c.prefixed(2, 1, 1024))
    elif kind == 3:
        body.update({"kind": "calibrate", "pad": c.uint(1), "antennaGainDb": c.uint(1), "removalMissThreshold": c.uint(1)})
        if body["removalMissThreshold"] == 0:
            raise Reject("bad_field")
    elif kind == 4:
        version = c.uint(4)
        body.update({"kind": "config_set", "desiredVersion": version, "entries": config_entries(c)})
    elif kind == 5:
        job, index, total = c.uint(4), c.uint(4), c.uint(4)
        sha = c.take(32)
        data = c.prefixed(2, 1, 2048)
        if total < 1 or index >= total:
            raise Reject("bad_field")
        body.update({"kind": "firmware_chunk", "jobId": job, "index": index, "total": total,
                     "imageSha256": sha.hex(), "data": data.hex()})
    elif kind in (6, 7):
        body["kind"] = "rebirth" if kind == 6 else "reboot"
    elif kind == 8:
        body["kind"] = "show_verdict"
        body.update(tag_fields(c))
        body["verdict"] = enum(c.uint(1), VERDICTS)
    elif kind == 9:
        body["kind"] = "write_area"
        body.update(tag_fields(c))
        body["target"] = enum(c.uint(1), {0: "a", 1: "b"})
        body["expectedDigest"] = c.take(8).hex()
        flags = c.uint(1)
        if flags & ~1:
            raise Reject("bad_field")
        body["clearFirst"] = bool(flags & 1)
        body["image"] = c.prefixed(1, 1, 64).hex()
    elif kind == 10:
        body.update({"kind": "present_token", "token": c.text(2, 1024, low=1)})
    elif kind == 11:
        boot, first, last = c.uint(4), c.uint(4), c.uint(4)
        if last < first or last - first >= 8192:
            raise Reject("bad_field")
        body.update({"kind": "resend_frames", "bootId": boot, "fromSeq": first, "toSeq": last})
    else:
        body.update({"kind": "unknown", "code": kind, "payload": c.take(c.remaining()).hex()})
    return body


def config_entries(c):
    count = c.uint(1)
    if count > 64:
        raise Reject("too_long")
    entries = {}
    for _ in range(count):
        key = c.text(1, 64)
        value = c.text(2, 1024)
        if not key or key in entries:
            raise Reject("bad_field")
        entries[key] = value
    return entries


def report(c):
    body = {"correlationId": c.uint(4)}
    kind = c.uint(1)
    if kind == 1:
        pad, gain, threshold = c.uint(1), c.uint(1), c.uint(1)
        if (gain == 0) != (threshold == 0):
            raise Reject("bad_field")
        count = c.uint(1)
        if count > 16:
            raise Reject("too_long")
        sweep = []
        for _ in range(count):
            row = {"antennaGainDb": c.uint(1), "successPercent": c.uint(1)}
            if row["antennaGainDb"] == 0 or row["successPercent"] > 100 \
                    or any(r["antennaGainDb"] == row["antennaGainDb"] for r in sweep):
                raise Reject("bad_field")
            sweep.append(row)
        body.update({"kind": "calibration", "pad": pad, "sweep": sweep})
        if gain:
            body["applied"] = {"antennaGainDb": gain, "removalMissThreshold": threshold}
    elif kind == 2:
        version = c.uint(4)
        body.update({"kind": "config", "version": version, "entries": config_entries(c)})
    else:
        raise Reject("bad_field")
    return body


def decode(frame):
    if not frame:
        raise Reject("too_short")
    if frame[0] >> 4 != 1:
        raise Reject("unsupported_version")
    if len(frame) > MAX_FRAME:
        raise Reject("too_long")
    if len(frame) < OVERHEAD:
        raise Reject("too_short")
    if crc32c(frame[:-4]) != int.from_bytes(frame[-4:], "big"):
        raise Reject("bad_check")
    version, type_code, flags = frame[0], frame[1], frame[2]
    if flags & 0xF0:
        raise Reject("unknown_required_flag")
    types = {0x01: "tag_placed", 0x02: "tag_removed", 0x03: "toy_read", 0x04: "toy_areas", 0x10: "birth", 0x11: "heartbeat",
             0x20: "command", 0x21: "command_result", 0x22: "command_report"}
    if type_code not in types:
        raise Reject("unknown_type")
    c = Cursor(frame[3:-4])
    header = {"version": "%d.%d" % (version >> 4, version & 0xF), "bootId": c.uint(4), "sequence": c.uint(4),
              "timestampMillis": c.uint(6), "clockSynced": bool(flags & 1), "flags": flags & 0xFE}
    kind = types[type_code]
    if kind == "tag_placed":
        body = tag_fields(c)
        body["tagType"] = TAG_TYPES.get(c.uint(1), "other")
    elif kind == "tag_removed":
        body = tag_fields(c)
        body["presentMillis"] = c.uint(6)
    elif kind == "toy_read":
        body = tag_fields(c)
        body["verdict"] = enum(c.uint(1), VERDICTS)
        record = c.prefixed(2, 0, 1024)
        if bool(record) != (body["verdict"] == "recognised"):
            raise Reject("bad_field")
        if record:
            body["record"] = toy_record(record)
        if body["verdict"] == "foreign":
            body["foreign"] = foreign_block(c)
    elif kind == "toy_areas":
        body = tag_fields(c)
        body["tagType"] = TAG_TYPES.get(c.uint(1), "other")
        for name in ("areaA", "areaB"):
            n = c.uint(1)
            if n == 0xFF:
                continue  # not read
            if n > 64:
                raise Reject("too_long")
            body[name] = c.take(n).hex()
    elif kind == "birth":
        body = birth(c)
    elif kind == "heartbeat":
        body = {name: c.uint(4) for name in COUNTERS}
    elif kind == "command":
        body = command(c)
    elif kind == "command_report":
        body = report(c)
    else:
        body = {"correlationId": c.uint(4), "status": enum(c.uint(1), STATUSES), "detail": c.text(2, 1024)}
    # Bytes left in c are fields of a newer minor version: ignored (SPEC.md, section 6, rule 9).
    return {"header": header, "type": kind, "body": body}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "frames.json")
    with open(path, encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    failures = 0
    for case in cases:
        try:
            got = decode(bytes.fromhex(case["hex"]))
            outcome = got == case.get("frame") and "error" not in case
            detail = "decoded %s" % json.dumps(got) if not outcome else ""
        except Reject as r:
            outcome = r.reason == case.get("error")
            detail = "rejected as %s" % r.reason
        if not outcome:
            failures += 1
            print("MISMATCH %s: %s (expected %s)" % (case["name"], detail, case.get("error") or "the frame"))
    print("reference decoder: %d cases, %d mismatches" % (len(cases), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
