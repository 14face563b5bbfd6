package org.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.model.ServiceKey;

/**
 * Enough services (6,000) that the service groups are expanded on several cores (the groups without nesting sorted
 * in parallel, each service's groups mapped in parts by key hash): members stay sorted and distinct, a nested group
 * holds its groups' members, each service lists its groups in definition order, and an unknown group is reported
 * once per line, as a serial expansion does.
 */
class ParallelServiceGroupsTest {

    @TempDir
    Path dir;

    @Test
    void groupsExpandedInPartsAreSortedDistinctAndInOrder() {
        StringBuilder text = new StringBuilder(TestConfig.BASE);
        text.append("define servicegroup {\n servicegroup_name all\n servicegroup_members even,odd\n}\n");
        text.append("define servicegroup {\n servicegroup_name even\n}\n");
        // members pairs written backwards and one twice: the group is still sorted and each member once
        text.append("define servicegroup {\n servicegroup_name odd\n members h0299,svc1,h0000,svc1,h0299,svc1\n}\n");
        for (int h = 299; h >= 0; h--) { // hosts defined backwards: the model's order is by name, not definition
            String host = String.format("h%04d", h);
            text.append("define host {\n use generic-host\n host_name ").append(host).append("\n}\n");
            for (int s = 0; s < 20; s++) {
                String groups = s % 2 == 0 ? "even" : "odd";
                if (h == 7 && s == 3) {
                    groups = "odd,nosuchgroup";
                }
                text.append("define service {\n use generic-service\n host_name ").append(host)
                        .append("\n service_description svc").append(s).append("\n servicegroups ").append(groups)
                        .append("\n}\n");
            }
        }
        TestConfig tc = new TestConfig(dir);
        tc.file("objects.cfg", text.toString());
        LoadResult r = tc.main("cfg_file=objects.cfg\nillegal_macro_output_chars=`~$&|'\"<>\n");

        assertThat(tc.errors(r)).hasSize(1);
        assertThat(tc.errors(r).get(0)).contains("servicegroup 'nosuchgroup' is not defined");
        assertThat(r.model().services()).hasSize(6000);
        List<ServiceKey> even = r.model().serviceGroups().get("even").members();
        List<ServiceKey> odd = r.model().serviceGroups().get("odd").members();
        List<ServiceKey> all = r.model().serviceGroups().get("all").members();
        assertThat(even).hasSize(3000).isSorted().doesNotHaveDuplicates();
        assertThat(odd).hasSize(3000).isSorted().doesNotHaveDuplicates();
        assertThat(all).hasSize(6000).isSorted().doesNotHaveDuplicates();
        assertThat(all).containsExactlyElementsOf(new ArrayList<>(r.model().services().keySet()));
        assertThat(r.model().services().get(new ServiceKey("h0000", "svc0")).servicegroups())
                .containsExactly("all", "even");
        assertThat(r.model().services().get(new ServiceKey("h0299", "svc1")).servicegroups())
                .containsExactly("all", "odd");
        assertThat(r.model().services().get(new ServiceKey("h0007", "svc3")).servicegroups())
                .containsExactly("all", "odd");
    }
}
