package io.kubereach;

import static io.kubereach.testing.Build.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadKind;
import io.kubereach.testing.Build;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Short summaries and Markdown/HTML tables for notebooks and JShell: exact texts. */
class RenderingTest {
  private static final ClusterSnapshot SHOP = Build.webToDbOn5432();

  private static final Endpoint WEB = Endpoint.pod("shop", "web");
  private static final Endpoint DB = Endpoint.pod("shop", "db");

  private static Connection connection(String source, String destination, String ports) {
    return new Connection(
        Endpoint.pod("x", source), Endpoint.pod("x", destination), PortSet.parse(ports));
  }

  @Test
  void indexSummaryCountsWithoutListing() {
    ReachabilityIndex index = Reachability.index(SHOP);
    assertThat(index)
        .hasToString(
            "ReachabilityIndex[2 endpoints, 2 pods, 1 namespace, 1 policy, 2 classes,"
                + " 5 port atoms, 2 distinct port matrices]");
  }

  @Test
  void connectionsAsMarkdown() {
    assertThat(Tables.markdown(Reachability.index(SHOP).reachableTo(DB)))
        .isEqualTo(
            "1 connection\n"
                + "\n"
                + "| source | destination | ports |\n"
                + "| --- | --- | --- |\n"
                + "| shop/web[Pod] | shop/db[Pod] | TCP 5432 |\n");
  }

  @Test
  void rowsBeyondTheLimitBecomeOneMoreRow() {
    List<Connection> three =
        List.of(
            connection("a", "b", "TCP 80"),
            connection("a", "c", "TCP 80,UDP 53"),
            connection("b", "c", "TCP 443"));
    assertThat(Tables.markdown(three, 1))
        .isEqualTo(
            "3 connections\n"
                + "\n"
                + "| source | destination | ports |\n"
                + "| --- | --- | --- |\n"
                + "| x/a[Pod] | x/b[Pod] | TCP 80 |\n"
                + "| \u2026 2 more |  |  |\n");
    assertThat(Tables.html(three, 2))
        .isEqualTo(
            "<table>\n"
                + "<caption>3 connections</caption>\n"
                + "<thead><tr><th>source</th><th>destination</th><th>ports</th></tr></thead>\n"
                + "<tbody>\n"
                + "<tr><td>x/a[Pod]</td><td>x/b[Pod]</td><td>TCP 80</td></tr>\n"
                + "<tr><td>x/a[Pod]</td><td>x/c[Pod]</td><td>TCP 80,UDP 53</td></tr>\n"
                + "<tr><td colspan=\"3\">\u2026 1 more</td></tr>\n"
                + "</tbody>\n"
                + "</table>\n");
    assertThat(Tables.markdown(three, 3)).doesNotContain("more");
    assertThat(Tables.markdown(three, 0))
        .endsWith("| --- | --- | --- |\n| \u2026 3 more |  |  |\n");
  }

  @Test
  void theDefaultLimitIsFiftyRows() {
    List<Connection> many =
        java.util.stream.IntStream.range(0, 60)
            .mapToObj(i -> connection("a", "b" + i, "TCP 80"))
            .toList();
    assertThat(Tables.markdown(many).lines().filter(l -> l.startsWith("| x/a[Pod]")).count())
        .isEqualTo(Tables.MAX_ROWS);
    assertThat(Tables.markdown(many)).endsWith("| \u2026 10 more |  |  |\n");
    assertThat(Tables.html(many)).contains("<tr><td colspan=\"3\">\u2026 10 more</td></tr>\n");
  }

  @Test
  void textIsEscapedInBothFormats() {
    Connection odd =
        new Connection(
            Endpoint.pod("x", "a|b\\c"), Endpoint.pod("x", "<i>&'\"\nz"), PortSet.parse("TCP 1"));
    assertThat(Tables.markdown(List.of(odd)))
        .contains("| x/a\\|b\\\\c[Pod] | x/\\<i>&'\" z[Pod] | TCP 1 |\n");
    assertThat(Tables.html(List.of(odd)))
        .contains("<tr><td>x/a|b\\c[Pod]</td><td>x/&lt;i&gt;&amp;&#39;&quot;\nz[Pod]</td>");
  }

  @Test
  void aNegativeRowLimitIsRejected() {
    assertThatThrownBy(() -> Tables.markdown(List.of(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRows -1 is negative; pass 0 or more (e.g. 50)");
  }

  @Test
  void verdictAsOneRowTable() {
    Verdict v = Reachability.index(SHOP).check(WEB, DB, Port.tcp(5432));
    assertThat(v.toMarkdown())
        .isEqualTo(
            "| source | destination | port | verdict |\n"
                + "| --- | --- | --- | --- |\n"
                + "| shop/web[Pod] | shop/db[Pod] | TCP 5432 | allowed |\n");
    assertThat(v.toHtml())
        .isEqualTo(
            "<table>\n"
                + "<thead><tr><th>source</th><th>destination</th><th>port</th><th>verdict</th></tr></thead>\n"
                + "<tbody>\n"
                + "<tr><td>shop/web[Pod]</td><td>shop/db[Pod]</td><td>TCP 5432</td><td>allowed</td></tr>\n"
                + "</tbody>\n"
                + "</table>\n");
  }

  @Test
  void verdictCaveatsGoBelowTheTable() {
    // S13: a hostNetwork workload's verdict carries a caveat.
    ClusterSnapshot cluster =
        ClusterSnapshot.builder()
            .add(pod("shop", "web", "app=web"))
            .add(
                new Workload(
                    WorkloadKind.DaemonSet,
                    "shop",
                    "agent",
                    1,
                    Map.of("app", "agent"),
                    List.of(),
                    true))
            .build();
    Verdict v =
        Reachability.index(cluster)
            .check(WEB, Endpoint.workload(WorkloadKind.DaemonSet, "shop", "agent"), Port.tcp(9100));
    String caveat =
        "caveat: shop/agent[DaemonSet] uses hostNetwork: most network plugins do not apply"
            + " NetworkPolicy to such pods; this answer treats them as ordinary pods (S13)";
    assertThat(v.toMarkdown())
        .endsWith(
            "| shop/web[Pod] | shop/agent[DaemonSet] | TCP 9100 | allowed |\n\n- " + caveat + "\n");
    assertThat(v.toHtml())
        .endsWith(
            "</tbody>\n<tfoot>\n<tr><td colspan=\"4\">"
                + caveat
                + "</td></tr>\n</tfoot>\n</table>\n");
  }

  @Test
  void explanationAsQuestionAndOneRowPerSide() {
    // S1, S2, S4, S5
    Explanation e = Reachability.index(SHOP).explain(WEB, DB, Port.tcp(5432));
    assertThat(e.toMarkdown())
        .isEqualTo(
            "shop/web[Pod] => shop/db[Pod] on TCP 5432: allowed\n"
                + "\n"
                + "| direction | endpoint | peer | outcome | isolated by | allowed by | named ports |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n"
                + "| egress | shop/web[Pod] | shop/db[Pod] | not isolated |  |  |  |\n"
                + "| ingress | shop/db[Pod] | shop/web[Pod] | allowed | shop/db | shop/db rule 0 |  |\n");
    Explanation denied = Reachability.index(SHOP).explain(WEB, DB, Port.tcp(80));
    assertThat(denied.toHtml())
        .isEqualTo(
            "<table>\n"
                + "<caption>shop/web[Pod] =&gt; shop/db[Pod] on TCP 80: denied</caption>\n"
                + "<thead><tr><th>direction</th><th>endpoint</th><th>peer</th><th>outcome</th>"
                + "<th>isolated by</th><th>allowed by</th><th>named ports</th></tr></thead>\n"
                + "<tbody>\n"
                + "<tr><td>egress</td><td>shop/web[Pod]</td><td>shop/db[Pod]</td>"
                + "<td>not isolated</td><td></td><td></td><td></td></tr>\n"
                + "<tr><td>ingress</td><td>shop/db[Pod]</td><td>shop/web[Pod]</td>"
                + "<td>denied</td><td>shop/db</td><td></td><td></td></tr>\n"
                + "</tbody>\n"
                + "</table>\n");
  }

  @Test
  void diffAsCountsAndOneRowPerChange() {
    ReachabilityDiff d = Reachability.diff(SHOP, SHOP.withoutPolicy("shop", "db"));
    assertThat(d.toMarkdown())
        .isEqualTo(
            "1 added, 0 removed, 1 changed\n"
                + "\n"
                + "| change | source | destination | before | after |\n"
                + "| --- | --- | --- | --- | --- |\n"
                + "| added | 0.0.0.0-255.255.255.255[External] | shop/db[Pod] | No Connections"
                + " | All Connections |\n"
                + "| changed | shop/web[Pod] | shop/db[Pod] | TCP 5432 | All Connections |\n");
    assertThat(d.toHtml(1))
        .isEqualTo(
            "<table>\n"
                + "<caption>1 added, 0 removed, 1 changed</caption>\n"
                + "<thead><tr><th>change</th><th>source</th><th>destination</th><th>before</th>"
                + "<th>after</th></tr></thead>\n"
                + "<tbody>\n"
                + "<tr><td>added</td><td>0.0.0.0-255.255.255.255[External]</td><td>shop/db[Pod]</td>"
                + "<td>No Connections</td><td>All Connections</td></tr>\n"
                + "<tr><td colspan=\"5\">\u2026 1 more</td></tr>\n"
                + "</tbody>\n"
                + "</table>\n");
    assertThat(d.toMarkdown(0)).endsWith("| \u2026 2 more |  |  |  |  |\n");
  }
}
