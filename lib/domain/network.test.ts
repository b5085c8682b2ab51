import { describe, expect, it } from "vitest";

import {
  clientAddressOf,
  isInNetwork,
  isPrivateAddress,
  mayConnectTo,
  parseAddress,
  parseAllowance,
  parseNetwork,
  parseTrustedProxies,
} from "./network";

describe("addresses as bytes", () => {
  it("reads every spelling of an address into the same bytes", () => {
    const loopbackMapped = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1];
    for (const spelling of [
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "[::ffff:7f00:1]",
      "0:0:0:0:0:ffff:7f00:0001",
      "::FFFF:7F00:1",
    ]) {
      expect([spelling, parseAddress(spelling)]).toEqual([spelling, loopbackMapped]);
    }
    expect(parseAddress("fe80::1%eth0")).toEqual([0xfe, 0x80, ...Array(13).fill(0), 1]);
    expect(parseAddress("10.1.2.3")).toEqual([10, 1, 2, 3]);
    expect(parseAddress("1::")).toEqual([0, 1, ...Array(14).fill(0)]);
    for (const text of ["", "example.com", "1.2.3", "256.1.1.1", "::g", "1:2:3:4:5:6:7:8:9"])
      expect([text, parseAddress(text)]).toEqual([text, null]);
  });

  it("reads networks and tells what is inside", () => {
    const tenSlash8 = parseNetwork("10.0.0.0/8")!;
    expect(isInNetwork(parseAddress("10.200.1.1")!, tenSlash8)).toBe(true);
    expect(isInNetwork(parseAddress("11.0.0.1")!, tenSlash8)).toBe(false);
    // An IPv4-mapped address is its IPv4 address, in either direction.
    expect(isInNetwork(parseAddress("::ffff:10.9.9.9")!, tenSlash8)).toBe(true);
    expect(isInNetwork(parseAddress("10.9.9.9")!, parseNetwork("::ffff:10.0.0.0/104")!)).toBe(true);
    expect(isInNetwork(parseAddress("fd00:1::5")!, parseNetwork("fd00:1::/64")!)).toBe(true);
    expect(isInNetwork(parseAddress("fd00:2::5")!, parseNetwork("fd00:1::/64")!)).toBe(false);
    expect(isInNetwork(parseAddress("127.0.0.2")!, parseNetwork("127.0.0.2")!)).toBe(true);
    expect(isInNetwork(parseAddress("127.0.0.3")!, parseNetwork("127.0.0.2")!)).toBe(false);
    for (const text of ["10.0.0.0/33", "::/129", "10.0.0.0/8/1", "x/8", "10.0.0.0/-1"])
      expect([text, parseNetwork(text)]).toEqual([text, null]);
  });
});

describe("private addresses", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.10",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "198.18.0.1",
    "::1",
    "::",
    "fd12:3456::1",
    "fe80::1",
    "fe80::1%eth0",
    "fec0::1",
    "ff02::1",
    // IPv4 in IPv6 clothes: mapped (both spellings), compatible, translated, NAT64, 6to4.
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "[::ffff:a9fe:a9fe]",
    "::ffff:a9fe:a9fe",
    "::7f00:1",
    "::ffff:0:a00:1",
    "64:ff9b::7f00:1",
    "64:ff9b::a9fe:a9fe",
    "64:ff9b::10.0.0.1",
    "64:ff9b:1::1",
    "2002:7f00:1::",
    "2002:a9fe:a9fe::1",
    "2001::1", // Teredo
    "2001:db8::1",
    "not-an-ip",
  ])("%s is refused", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    "8.8.8.8",
    "172.32.0.1",
    "192.169.0.1",
    "2606:4700:4700::1111",
    "::ffff:1.1.1.1",
    "::ffff:101:101",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("%s is public", (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it("lets through the private networks an operator allows, and only those", () => {
    expect(parseAllowance(undefined)).toBe("none");
    expect(parseAllowance("false")).toBe("none");
    expect(parseAllowance("true")).toBe("all");
    expect(parseAllowance("10.20.0.0/16,bogus")).toBeNull();
    const listed = parseAllowance("10.20.0.0/16, fd00:1::/64")!;
    expect(mayConnectTo("10.20.3.4", listed)).toBe(true);
    expect(mayConnectTo("::ffff:10.20.3.4", listed)).toBe(true);
    expect(mayConnectTo("10.21.3.4", listed)).toBe(false);
    expect(mayConnectTo("127.0.0.1", listed)).toBe(false);
    expect(mayConnectTo("fd00:1::9", listed)).toBe(true);
    expect(mayConnectTo("8.8.8.8", "none")).toBe(true);
    expect(mayConnectTo("127.0.0.1", "none")).toBe(false);
    expect(mayConnectTo("127.0.0.1", "all")).toBe(true);
  });
});

describe("the client's address", () => {
  const none = parseTrustedProxies(undefined)!;

  it("is the socket's peer unless proxies are trusted: a client's X-Forwarded-For is not believed", () => {
    expect(none).toEqual({ count: 0 });
    expect(clientAddressOf("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(clientAddressOf("::ffff:203.0.113.9", undefined, none)).toBe("203.0.113.9");
    expect(clientAddressOf("2001:db8::7", "", none)).toBe("2001:db8::7");
  });

  it("behind a number of proxies, is the hop the first proxy saw", () => {
    const one = parseTrustedProxies("1")!;
    // The client wrote "6.6.6.6" itself; the load balancer appended what it saw.
    expect(clientAddressOf("10.0.0.2", "6.6.6.6, 198.51.100.7", one)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.2", "198.51.100.7", { count: 2 })).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.2", undefined, one)).toBe("10.0.0.2");
  });

  it("behind trusted networks, is the right-most hop outside them", () => {
    const internal = parseTrustedProxies("10.0.0.0/8, fd00::/8")!;
    expect(clientAddressOf("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.1.1.1", internal)).toBe(
      "198.51.100.7",
    );
    expect(clientAddressOf("203.0.113.5", "6.6.6.6", internal)).toBe("203.0.113.5");
    expect(clientAddressOf("10.0.0.2", "10.0.0.3", internal)).toBe("10.0.0.3");
    // A hop that is no address at all is the client's word: the proxy that passed it on counts.
    expect(clientAddressOf("10.0.0.2", "hello", internal)).toBe("10.0.0.2");
    expect(parseTrustedProxies("10.0.0.0/8,nope")).toBeNull();
  });
});
