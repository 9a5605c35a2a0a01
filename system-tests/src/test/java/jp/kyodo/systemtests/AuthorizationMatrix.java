package jp.kyodo.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The machine-readable authorisation matrix ({@code authorization-matrix.csv}) and the callers its columns name. The
 * columns are relations to the fixture of {@link MatrixFixture}: "partner" is the representative of the NPO the
 * proposal, agreement and evaluation belong to, "staff" a staff member of the department (D1) they are addressed to,
 * and so on; see docs/authorization-matrix.md.
 */
final class AuthorizationMatrix {

    static final String RESOURCE = "/authorization-matrix.csv";

    static final String ANONYMOUS = "anonymous";
    /** Callers in column order; each but anonymous is a login. */
    static final List<String> CALLERS = List.of(ANONYMOUS, "citizen", "partner", "partner-other", "staff", "signatory",
            "staff-other", "coordinator", "reviewer", "reviewer-member", "analyst", "admin");

    /** The login behind each caller. */
    static final Map<String, String> USERS = Map.ofEntries(
            Map.entry("citizen", "citizen1"),
            Map.entry("partner", "partner1"),
            Map.entry("partner-other", "partner2"),
            Map.entry("staff", "staff1"),
            Map.entry("signatory", "signer1"),
            Map.entry("staff-other", MatrixFixture.STAFF_OTHER_USER),
            Map.entry("coordinator", "coordinator1"),
            Map.entry("reviewer", "reviewer1"),
            Map.entry("reviewer-member", "reviewer2"),
            Map.entry("analyst", "analyst1"),
            Map.entry("admin", "admin1"));

    /**
     * The organisation a caller names in {@code actingFor} where a body says "home": its own one, or, for a caller
     * that belongs to none, the one it would have to belong to (the NPO; the department for the administrator).
     */
    static final Map<String, String> HOME = Map.ofEntries(
            Map.entry(ANONYMOUS, "npo"),
            Map.entry("citizen", "npo"),
            Map.entry("partner", "npo"),
            Map.entry("partner-other", "org2"),
            Map.entry("staff", "dept"),
            Map.entry("signatory", "dept"),
            Map.entry("staff-other", "dept2"),
            Map.entry("coordinator", "hub"),
            Map.entry("reviewer", "npo"),
            Map.entry("reviewer-member", "npo"),
            Map.entry("analyst", "npo"),
            Map.entry("admin", "dept"));

    // Who may see which protected content, as the code decides it (the sentinels of MatrixFixture).
    /** The NPO's members' names and e-mails, its private contact: its members and the directory's whole-readers. */
    static final Set<String> MEMBER_DATA_READERS = Set.of("partner", "reviewer-member", "staff", "signatory",
            "staff-other", "coordinator", "admin");
    /** A talent-bank entry: the person (citizen1), city staff and coordinators - not administrators. */
    static final Set<String> TALENT_READERS = Set.of("citizen", "staff", "signatory", "staff-other", "coordinator");
    /** The consultation thread of a proposal: its proposers' members, city staff, coordinators, administrators. */
    static final Set<String> CONSULTATION_READERS = Set.of("partner", "reviewer-member", "staff", "signatory",
            "staff-other", "coordinator", "admin");
    /** Reviewers' comments on the adopted proposal: the secretariat (staff, admins) and reviewer1, who scored. */
    static final Set<String> SCORE_READERS_ADOPTED = Set.of("staff", "signatory", "staff-other", "admin", "reviewer");
    /** A draft proposal: the members of its proposing organisation. */
    static final Set<String> PROPOSER_MEMBERS = Set.of("partner", "reviewer-member");
    /** The full agreement (liabilities included): members of a party, city staff, coordinators, administrators. */
    static final Set<String> AGREEMENT_READERS = Set.of("partner", "reviewer-member", "staff", "signatory",
            "staff-other", "coordinator", "admin");
    /** D1's sealed self-assessment in the OPEN round: D1's members only. */
    static final Set<String> DEPT_MEMBERS = Set.of("staff", "signatory");
    /**
     * Callers who read an adopted proposal's screening and versions as its public record (rows checked
     * "public-record"): they did not work on it, so they see no person's login id.
     */
    static final Set<String> PUBLIC_RECORD_READERS = Set.of(ANONYMOUS, "citizen", "partner-other", "analyst");
    /** The fields naming people that the public record of a proposal leaves out. */
    static final List<String> PEOPLE_KEYS = List.of("reviewers", "publishedBy");
    /** Callers who get the statistics of CLOSED rounds too, unsuppressed. */
    static final Set<String> INTERNAL_STATISTICS = Set.of("staff", "signatory", "staff-other", "coordinator", "analyst",
            "admin");

    /** One row: an operation (and the fixture case), how to call it, and the expected answer per caller. */
    record Row(int line, String method, String path, String caseName, Map<String, String> params, String query,
            String body, String ifMatch, String prepare, List<String> noKeys, String check, String source,
            Map<String, String> expected) {

        String operation() {
            return method + " " + path;
        }

        /** Whether the operation checks If-Match (the row sends "stale" or "any"). */
        boolean checksIfMatch() {
            return ifMatch != null;
        }

        String label() {
            return operation() + ("-".equals(caseName) ? "" : " [" + caseName + "]");
        }
    }

    private AuthorizationMatrix() {
    }

    static List<Row> load() {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            List<String> header = null;
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                List<String> cells = Arrays.asList(text.split(",", -1));
                if (header == null) {
                    header = cells;
                    if (!header.subList(header.size() - CALLERS.size(), header.size()).equals(CALLERS)) {
                        throw new IllegalStateException(RESOURCE + ": the last columns must be " + CALLERS);
                    }
                    continue;
                }
                if (cells.size() != header.size()) {
                    throw new IllegalStateException(RESOURCE + ":" + line + ": " + cells.size() + " cells, header has "
                            + header.size());
                }
                Map<String, String> cell = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cell.put(header.get(i), cells.get(i).trim());
                }
                Map<String, String> expected = new LinkedHashMap<>();
                for (String caller : CALLERS) {
                    expected.put(caller, cell.get(caller));
                }
                rows.add(new Row(line, cell.get("method"), cell.get("path"), cell.get("case"), params(cell.get("params")),
                        dash(cell.get("query")), dash(cell.get("body")), dash(cell.get("ifMatch")),
                        dash(cell.get("prepare")), list(cell.get("noKeys")), dash(cell.get("check")), cell.get("source"),
                        expected));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code status} satisfies a cell such as {@code 2xx}, {@code pass}, {@code 403} or {@code !2xx|404}. */
    static boolean matches(String cell, int status) {
        for (String option : cell.replace("!", "").split("\\|")) {
            boolean ok = switch (option) {
                case "2xx" -> status >= 200 && status < 300;
                case "pass" -> status >= 200 && status < 300 || Set.of(400, 409, 412, 422, 428).contains(status);
                default -> Integer.parseInt(option) == status;
            };
            if (ok) {
                return true;
            }
        }
        return false;
    }

    /** Cells whose caller is refused (run first in a row, so that an allowed write cannot change what they see). */
    static boolean refuses(String cell) {
        String c = cell.replace("!", "");
        return c.equals("401") || c.equals("403") || c.equals("404");
    }

    static boolean flagged(String cell) {
        return cell.startsWith("!");
    }

    private static Map<String, String> params(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        if (dash(text) == null) {
            return params;
        }
        for (String pair : text.split(";")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0].trim(), kv[1].trim());
        }
        return params;
    }

    private static List<String> list(String text) {
        return dash(text) == null ? List.of() : Arrays.stream(text.split(";")).map(String::trim).toList();
    }

    private static String dash(String text) {
        return text == null || text.isBlank() || "-".equals(text) ? null : text;
    }
}
