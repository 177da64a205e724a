# Independent implementation of protocol/SPEC.md section 11 (Toy record), used to produce the conformance vectors.
import hmac, hashlib, json, struct

KEY = bytes(range(32))
OTHER_KEY = bytes.fromhex("f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff")
UID7 = bytes.fromhex("04a1b2c3d4e5f6")
UID7B = bytes.fromhex("04a1b2c3d4e5f7")
UID4 = bytes.fromhex("deadbeef")
AREA = 64

def body(r, version=1):
    name = r["coCreation"]["name"].encode("utf-8")
    assert len(name) <= 20
    c = r["coCreation"]["colours"]
    ups = 0
    for i in r["coCreation"]["upgrades"]:
        ups |= 1 << i
    return (bytes([version]) + struct.pack(">HB", r["toyType"], r["variant"])
            + bytes.fromhex(c["primary"] + c["secondary"] + c["accent"])
            + struct.pack(">QIBB", ups, r["coCreation"]["xp"], r["coCreation"]["level"], len(name)) + name)

def image(b, uid, key, counter, fmt=1):
    signed = bytes([0xA7, fmt]) + struct.pack(">IB", counter, len(b)) + b
    tag = hmac.new(key, b"portal-toy-v1" + bytes([len(uid)]) + uid + signed, hashlib.sha256).digest()[:8]
    return signed + tag

def area(img, fill=0):
    return img + bytes([fill]) * (AREA - len(img))

def rec(toy, var, name, p, s, a, ups, xp, lvl):
    return {"toyType": toy, "variant": var, "recordVersion": 1,
            "coCreation": {"name": name, "colours": {"primary": p, "secondary": s, "accent": a},
                           "upgrades": ups, "xp": xp, "level": lvl}}

R1 = rec(0x1234, 2, "Sparky", "ff0000", "00ff00", "0000ff", [0, 5, 63], 123456, 7)
R2 = rec(7, 0, "", "000000", "ffffff", "808080", [], 0, 0)
R3 = rec(65535, 255, "Drako 🐉 der Groß", "123456", "abcdef", "0a0b0c", list(range(64)), 4294967295, 255)
R4 = rec(42, 1, "ドラゴン王", "fedcba", "000001", "100000", [1, 2, 3], 99, 3)
R1b = json.loads(json.dumps(R1)); R1b["coCreation"]["xp"] = 130000; R1b["coCreation"]["level"] = 8
assert len(R3["coCreation"]["name"].encode()) == 20, len(R3["coCreation"]["name"].encode())

def h(b): return None if b is None else b.hex()

cases = []
def case(name, layout, uid, a, b, verdict, counter=0, winner=None, record=None, key=KEY, note=None):
    c = {"name": name, "layout": layout, "fleetKey": key.hex(), "uid": uid.hex(), "areaA": h(a), "areaB": h(b),
         "verdict": verdict, "writeCounter": counter, "winner": winner, "record": record}
    if note: c["note"] = note
    cases.append(c)

Z = bytes(AREA); F = b"\xff" * AREA
case("first save in area A", "NTAG213", UID7, area(image(body(R1), UID7, KEY, 1)), Z, "RECOGNISED", 1, "A", R1)
case("newer save in area B wins", "NTAG215", UID7, area(image(body(R1), UID7, KEY, 5)),
     area(image(body(R1b), UID7, KEY, 6)), "RECOGNISED", 6, "B", R1b)
case("newer save in area A wins", "CLASSIC_1K", UID4, area(image(body(R1b), UID4, KEY, 9)),
     area(image(body(R1), UID4, KEY, 8)), "RECOGNISED", 9, "A", R1b)
case("counter wraps: 0 is newer than 0xFFFFFFFF", "CLASSIC_1K", UID4, area(image(body(R1), UID4, KEY, 0xFFFFFFFF)),
     area(image(body(R1b), UID4, KEY, 0)), "RECOGNISED", 0, "B", R1b)
case("unnamed toy, all fields zero", "NTAG213", UID7, Z, area(image(body(R2), UID7, KEY, 2)), "RECOGNISED", 2, "B", R2)
case("longest name (20 UTF-8 bytes), every upgrade, maximum values", "NTAG213", UID7,
     area(image(body(R3), UID7, KEY, 0x01020304)), F, "RECOGNISED", 0x01020304, "A", R3)
case("multi-byte name, padding after the tag is ignored", "NTAG215", UID4,
     area(image(body(R4), UID4, KEY, 3), 0x5A), Z, "RECOGNISED", 3, "A", R4)
case("factory-fresh: zeros", "NTAG213", UID7, Z, Z, "BLANK")
case("factory-fresh: 0xFF", "CLASSIC_1K", UID4, F, F, "BLANK")
case("factory-fresh NTAG: empty NDEF message", "NTAG213", UID7, area(bytes.fromhex("0103a00c340300fe")), Z, "BLANK")
case("interrupted first write: everything but the first unit", "NTAG213", UID7,
     bytes(4) + area(image(body(R1), UID7, KEY, 1))[4:], Z, "BLANK")
FACTORY = area(bytes.fromhex("0103a00c340300fe"))
case("interrupted first write on the NTAG factory content: first page zeroed, image partly written", "NTAG213",
     UID7, bytes(4) + area(image(body(R1), UID7, KEY, 1))[4:24] + FACTORY[24:], Z, "BLANK")
case("factory content with its second page overwritten (what writing the second page first left)", "NTAG213",
     UID7, FACTORY[:4] + area(image(body(R1), UID7, KEY, 1))[4:], Z, "UNKNOWN",
     note="an older write order left this; the current one zeroes the first page first")
case("another application's NDEF data", "NTAG213", UID7, area(bytes.fromhex("0310d1010c5503706f7274616c2e646576fe")),
     Z, "UNKNOWN")
edited = bytearray(area(image(body(R1), UID7, KEY, 4))); edited[7 + 25] = 99
case("edited level", "NTAG213", UID7, bytes(edited), Z, "TAMPERED")
case("copied from another tag", "NTAG213", UID7B, area(image(body(R1), UID7, KEY, 4)),
     area(image(body(R1b), UID7, KEY, 5)), "TAMPERED")
case("written with another fleet key", "NTAG215", UID7, area(image(body(R1), UID7, OTHER_KEY, 4)), Z, "TAMPERED")
case("4-byte UID prefix of the 7-byte one does not verify", "NTAG213", UID7[:4],
     area(image(body(R1), UID7, KEY, 1)), Z, "TAMPERED")
torn = bytearray(area(image(body(R1b), UID7, KEY, 4))); torn[0:4] = area(image(body(R1), UID7, KEY, 2))[0:4]
torn[40:] = bytes(24)
case("torn write: B half-written, A keeps the previous record", "NTAG213", UID7,
     area(image(body(R1), UID7, KEY, 3)), bytes(torn), "RECOGNISED", 3, "A", R1)
case("torn write: garbage in the newer area", "CLASSIC_1K", UID4, bytes(range(100, 164)),
     area(image(body(R1), UID4, KEY, 77)), "RECOGNISED", 77, "B", R1)
newer = bytearray(area(image(body(R1b), UID7, KEY, 8))); newer[1] = 2
case("newer area format alone", "NTAG213", UID7, Z, bytes(newer), "UNKNOWN")
case("a valid area outranks a newer-format one", "NTAG213", UID7, area(image(body(R1), UID7, KEY, 7)), bytes(newer),
     "RECOGNISED", 7, "A", R1)
case("authentic record of a newer record version", "NTAG215", UID7, area(image(body(R1, 2), UID7, KEY, 5)), Z, "UNKNOWN")
case("area B unreadable", "NTAG213", UID7, area(image(body(R2), UID7, KEY, 11)), None, "RECOGNISED", 11, "A", R2)
case("area A of the wrong size", "NTAG213", UID7, bytes(63), Z, "UNKNOWN")
case("body length overruns the area", "CLASSIC_1K", UID4, bytes([0xA7, 1, 0, 0, 0, 1, 0xFF]) + bytes(57), Z, "TAMPERED")

bodies = [{"record": r, "body": body(r).hex()} for r in (R1, R2, R3, R4)]
b1 = body(R1)
bad = [
    {"body": "", "reason": "EMPTY"},
    {"body": "02" + b1[1:].hex(), "reason": "UNSUPPORTED_VERSION"},
    {"body": "00" + b1[1:].hex(), "reason": "UNSUPPORTED_VERSION"},
    {"body": b1[:26].hex(), "reason": "TRUNCATED"},
    {"body": b1[:-1].hex(), "reason": "TRUNCATED"},
    {"body": b1.hex() + "00", "reason": "TRAILING_BYTES"},
    {"body": b1[:26].hex() + "15" + "41" * 21, "reason": "BAD_NAME"},
    {"body": b1[:26].hex() + "02c0af", "reason": "BAD_NAME"},
    {"body": b1[:26].hex() + "03eda080", "reason": "BAD_NAME"},
    {"body": b1[:26].hex() + "02410a", "reason": "BAD_NAME"},
]
doc = {
    "description": "Golden vectors for protocol/SPEC.md section 11 (Toy record). Areas are 64 bytes (every layout's area size); "
                   "null means the area could not be read. Records use the same tree as FrameTree: colours as "
                   "rrggbb, upgrades as ascending ids. Area bytes of valid cases were computed from the spec with "
                   "an independent implementation (Python hmac).",
    "cases": cases, "bodies": bodies, "invalidBodies": bad}
print(json.dumps(doc, indent=2, ensure_ascii=False))
