package org.vigil.config.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The model's services iterate in {@link ServiceKey}'s order, however they were sorted. */
class ServiceOrderTest {

    @Test
    void servicesSortedByHostThenDescriptionAsServiceKeyOrders() {
        Random random = new Random(22);
        String[] hosts = {"web1", "web10", "web2", "Web1", "web1-a", "db", "d", "ä-host", ""};
        String[] descriptions = {"PING", "Ping", "Disk /", "Disk /var", "SSH", "ssh", "HTTP", "HTTPS", "é"};
        Map<ServiceKey, Integer> services = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            services.put(new ServiceKey(hosts[random.nextInt(hosts.length)],
                    descriptions[random.nextInt(descriptions.length)]), i);
        }
        Map<ServiceKey, Integer> sorted = ObjectModel.sortedServices(services);
        assertThat(new ArrayList<>(sorted.keySet())).isEqualTo(new ArrayList<>(new TreeMap<>(services).keySet()));
        assertThat(sorted).isEqualTo(services);
        assertThat(List.copyOf(ObjectModel.sortedServices(Map.<ServiceKey, Integer>of()).keySet())).isEmpty();
    }
}
