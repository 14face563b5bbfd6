package org.vigil.checks.builtin.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The lines nslookup (BIND 9.18) prints for {@code nslookup NAME SERVER}, made from the server's answers to the A
 * and then the AAAA question, as check_dns reads them: the server header, "Non-authoritative answer:" before the
 * first records of an answer without AA, a CNAME as {@code owner<TAB>canonical name = target.}, each address as
 * {@code Name:<TAB>owner} and {@code Address: ip}, "** server can't find NAME: NXDOMAIN" (or SERVFAIL, after
 * ";; Got SERVFAIL reply from"), "*** Can't find NAME: No answer" when neither question has records, and for no
 * answer at all three communications errors and ";; no servers could be reached".
 */
final class NslookupOutput {

    private static final int NXDOMAIN = 3;
    private static final int SERVFAIL = 2;
    private static final int TYPE_A = 1;
    private static final int TYPE_CNAME = 5;
    private static final int TYPE_AAAA = 28;
    private static final int FLAG_AA = 0x0400;
    private static final String[] RCODES = {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED"};

    private final String name;
    private final String server;
    private final List<String> lines = new ArrayList<>();
    private boolean saidNonAuthoritative;
    private boolean anyAddress;

    private NslookupOutput(String name, String server) {
        this.name = name;
        this.server = server;
    }

    /** Asks the server one question (A or AAAA) for nslookup. */
    interface Asker {
        CompletableFuture<UdpDnsExchange.Result> ask(int type);
    }

    /**
     * The lines, or none when the run reached its deadline (the plugin's alarm or the engine's timeout): the A
     * question, then the AAAA question when the A answer lets nslookup go on.
     */
    static CompletableFuture<Optional<List<String>>> of(String name, String server, Asker asker) {
        NslookupOutput out = new NslookupOutput(name, server);
        return asker.ask(TYPE_A).thenCompose(a -> {
            if (a.outcome() == UdpDnsExchange.Outcome.DEADLINE) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (!out.afterA(a)) {
                return CompletableFuture.completedFuture(Optional.of(out.lines));
            }
            return asker.ask(TYPE_AAAA).thenApply(aaaa -> aaaa.outcome() == UdpDnsExchange.Outcome.DEADLINE
                    ? Optional.empty() : Optional.of(out.afterAaaa(aaaa)));
        });
    }

    /** The lines for the A answer: whether nslookup asks the AAAA question next. */
    private boolean afterA(UdpDnsExchange.Result a) {
        if (a.outcome() != UdpDnsExchange.Outcome.ANSWERED) {
            unreachable(a.outcome());
            return false;
        }
        int rcode = a.response().rcode();
        if (rcode == SERVFAIL) {
            lines.add(";; Got SERVFAIL reply from " + server);
        }
        lines.add("Server:\t\t" + server);
        lines.add("Address:\t" + server + "#53");
        lines.add("");
        if (rcode != 0) {
            cannotFind(rcode);
            return false;
        }
        anyAddress = records(a.response(), true);
        return true;
    }

    private List<String> afterAaaa(UdpDnsExchange.Result aaaa) {
        if (aaaa.outcome() != UdpDnsExchange.Outcome.ANSWERED) {
            unreachable(aaaa.outcome());
            return lines;
        }
        if (aaaa.response().rcode() == SERVFAIL) {
            lines.add(";; Got SERVFAIL reply from " + server);
        }
        if (aaaa.response().rcode() != 0) {
            cannotFind(aaaa.response().rcode());
            return lines;
        }
        anyAddress |= records(aaaa.response(), false);
        if (!anyAddress) {
            lines.add("*** Can't find " + name + ": No answer");
        }
        lines.add("");
        return lines;
    }

    private void unreachable(UdpDnsExchange.Outcome outcome) {
        String why = outcome == UdpDnsExchange.Outcome.REFUSED ? "connection refused" : "timed out";
        for (int i = 0; i < 3; i++) {
            lines.add(";; communications error to " + server + "#53: " + why);
        }
        lines.add(";; no servers could be reached");
        lines.add("");
    }

    private void cannotFind(int rcode) {
        String text = rcode < RCODES.length ? RCODES[rcode] : "RCODE" + rcode;
        lines.add("** server can't find " + name + ": " + text);
        lines.add("");
    }

    /** The answer's records nslookup prints (CNAMEs with the A answer only); whether there were addresses. */
    private boolean records(DnsMessage m, boolean withCnames) {
        boolean any = false;
        for (DnsRecord r : m.answer()) {
            boolean address = r.type() == TYPE_A || r.type() == TYPE_AAAA;
            if (!address && !(withCnames && r.type() == TYPE_CNAME)) {
                continue;
            }
            if (!saidNonAuthoritative && (m.flags() & FLAG_AA) == 0) {
                lines.add("Non-authoritative answer:");
                saidNonAuthoritative = true;
            }
            String owner = r.name().endsWith(".") && r.name().length() > 1
                    ? r.name().substring(0, r.name().length() - 1) : r.name();
            String line = DigRecordFormat.line(m, r);
            String data = line.substring(line.lastIndexOf('\t') + 1);
            if (address) {
                lines.add("Name:\t" + owner);
                lines.add("Address: " + data);
                any = true;
            } else {
                lines.add(owner + "\tcanonical name = " + data);
            }
        }
        return any;
    }
}
