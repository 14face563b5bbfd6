package org.vigil.config.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.model.Dependency;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceKey;
import org.vigil.config.model.ServiceGroup;

/** Runs the stages after lexing: templates, registration, group expansion, building, and graph checks. */
public final class ObjectResolver {

    private final Diagnostics diags;
    private final boolean allowEmptyHostgroups;
    private NameMatching matching = NameMatching.EXACT;
    private String illegalNameChars;
    private final org.vigil.config.diag.SourceLocation mainFile;

    public ObjectResolver(Diagnostics diags, boolean allowEmptyHostgroups, java.nio.file.Path mainConfig) {
        this.diags = diags;
        this.allowEmptyHostgroups = allowEmptyHostgroups;
        this.mainFile = new org.vigil.config.diag.SourceLocation(mainConfig, 0);
    }

    /** Lets list items be regular expressions, as {@code use_regexp_matching} does. */
    public ObjectResolver matching(NameMatching matching) {
        this.matching = matching;
        return this;
    }

    /** The characters {@code illegal_object_name_chars} forbids in names; null for none. */
    public ObjectResolver illegalNameChars(String chars) {
        this.illegalNameChars = chars;
        return this;
    }

    /** The resolved model of {@code definitions}; problems go to the diagnostics. */
    public ObjectModel resolve(List<Definition> definitions, org.vigil.config.StageTimer timer) {
        new TemplateResolver(diags).resolve(definitions);
        timer.stage("templates");
        Registry registry = new Registry(diags, definitions, matching);
        applyHostExtInfo(registry);
        GroupExpander hostGroups = GroupExpander.hostGroups(registry);
        GroupExpander contactGroups = GroupExpander.contactGroups(registry);
        ModelBuilder builder = new ModelBuilder(registry, diags);
        References refs = builder.references();

        Map<String, Definition> hostDefs = new LinkedHashMap<>();
        for (Definition h : registry.all(ObjectType.HOST)) {
            hostDefs.put(h.get("host_name"), h);
        }
        ExpandedServices serviceDefs = new ServiceExpander(registry, hostGroups, allowEmptyHostgroups)
                .expand();
        inheritFromHosts(serviceDefs, hostDefs, registry.anyServiceIsTemplate());
        applyServiceExtInfo(registry, hostGroups, serviceDefs);
        new IllegalNameCheck(illegalNameChars, diags).check(registry, serviceDefs);
        timer.stage("expand services");
        ServiceGroupExpander serviceGroups = new ServiceGroupExpander(registry, serviceDefs);

        TreeMap<String, org.vigil.config.model.HostGroup> hostGroupModel = builder.hostGroups(hostGroups);
        Map<String, List<String>> groupsOfHost = new HashMap<>();
        hostGroupModel.values().forEach(g -> g.members().forEach(
                h -> groupsOfHost.computeIfAbsent(h, k -> new ArrayList<>()).add(g.name())));
        Map<String, Host> hosts = buildHosts(registry, hostDefs, groupsOfHost);

        // the services' order in the model, worked out in the pool beside the service groups: started here, not
        // before the parallel chunks of the groups' lists and the hosts (on two cores the pool has one thread, which
        // this task took from them, leaving them on the main thread alone)
        java.util.concurrent.ForkJoinTask<ObjectModel.ServiceOrder> order = java.util.concurrent.ForkJoinPool
                .commonPool().submit(() -> ObjectModel.serviceOrder(serviceDefs.keySet()));
        TreeMap<String, ServiceGroup> serviceGroupModel = new TreeMap<>();
        serviceGroups.expandPlainGroups();
        List<String> groupNames = new ArrayList<>();
        List<List<ServiceKey>> groupMembers = new ArrayList<>();
        for (Definition g : registry.all(ObjectType.SERVICEGROUP)) {
            String name = g.get("servicegroup_name");
            List<ServiceKey> members = List.copyOf(serviceGroups.members(name));
            groupNames.add(name);
            groupMembers.add(members);
            serviceGroupModel.put(name, new ServiceGroup(name, g.get("alias") == null ? name : g.get("alias"),
                    members, new org.vigil.config.model.Links(g.get("notes"), g.get("notes_url"), g.get("action_url"),
                    null, null, null, null, null, null), g.location));
        }
        java.util.function.Function<ServiceKey, List<String>> groupsOfService = ServiceGroupExpander.groupsOfEach(
                groupNames, groupMembers, serviceDefs.size());
        timer.stage("groups and hosts");
        List<Service> services = buildServices(registry, serviceDefs, groupsOfService);

        timer.stage("build services");
        RelationBuilder relations = new RelationBuilder(registry, refs, hostGroups, serviceGroups, hostDefs,
                serviceDefs);
        List<Dependency> hostDependencies = relations.hostDependencies();
        List<Dependency> serviceDependencies = relations.serviceDependencies();
        ObjectModel model = new ObjectModel(builder.timeperiods(), builder.commands(), builder.contacts(),
                builder.contactGroups(contactGroups), hosts, hostGroupModel,
                ObjectModel.inServiceOrder(order.join(), services), serviceGroupModel,
                hostDependencies, serviceDependencies, relations.hostEscalations(), relations.serviceEscalations());
        timer.stage("relations");
        new CycleChecker(diags).check(model, name -> hostDefs.get(name).where("parents"));
        requireSome(registry);
        timer.stage("cycles");
        return model;
    }

    /** The hosts, built in parallel chunks as the services are. */
    private Map<String, Host> buildHosts(Registry registry, Map<String, Definition> defs,
                                         Map<String, List<String>> groups) {
        List<Definition> list = new ArrayList<>(defs.values());
        Host[] built = new Host[list.size()];
        ParallelChunks.run(list.size(), diags, (from, to, found) -> {
            ModelBuilder builder = new ModelBuilder(registry, found);
            for (int i = from; i < to; i++) {
                Definition d = list.get(i);
                String name = d.get("host_name");
                built[i] = builder.host(d, groups.getOrDefault(name, List.of()));
            }
        });
        Map<String, Host> hosts = new HashMap<>(built.length * 4 / 3 + 1);
        for (Host h : built) {
            hosts.put(h.name(), h);
        }
        return hosts;
    }

    /**
     * Nagios's implied inheritance from each service's host, in parallel on a large config: each service's
     * definition is its own object. A service that is also a template ({@code name}) is read by the services that use
     * it, so a config with one is done serially, in order, as before.
     */
    private static void inheritFromHosts(ExpandedServices serviceDefs, Map<String, Definition> hostDefs,
                                         boolean anyTemplate) {
        List<ServiceKey> keys = serviceDefs.keyList();
        List<Definition> defs = serviceDefs.definitionList();
        // each service comes from a registered definition (itself or a copy, which keeps its template name)
        if (anyTemplate) {
            for (int i = 0; i < defs.size(); i++) {
                ServiceExpander.inheritFromHost(defs.get(i), hostDefs.get(keys.get(i).hostName()));
            }
            return;
        }
        ParallelChunks.run(defs.size(), new Diagnostics(), (from, to, found) -> {
            for (int i = from; i < to; i++) {
                ServiceExpander.inheritFromHost(defs.get(i), hostDefs.get(keys.get(i).hostName()));
            }
        });
    }

    /** Nagios refuses a configuration that defines no hosts, no services or no contacts at all. */
    private void requireSome(Registry registry) {
        if (diags.hasErrors()) {
            return; // the objects are probably missing because of those errors: say nothing more
        }
        for (ObjectType type : List.of(ObjectType.SERVICE, ObjectType.HOST, ObjectType.CONTACT)) {
            if (registry.all(type).isEmpty()) {
                diags.error(mainFile, "there are no " + type.keyword() + "s defined (expected at least one"
                        + " registered " + type.keyword() + ")");
            }
        }
    }

    /**
     * Builds the services in parallel chunks: on large configs this is the costliest stage, and each
     * service depends only on resolved definitions. Diagnostics are joined in chunk order, so the
     * output does not depend on timing. The services come in the order of {@code defs}.
     */
    private List<Service> buildServices(Registry registry, ExpandedServices defs,
                                        java.util.function.Function<ServiceKey, List<String>> groups) {
        List<ServiceKey> keys = defs.keyList();
        List<Definition> definitions = defs.definitionList();
        Service[] built = new Service[keys.size()];
        ParallelChunks.run(keys.size(), diags, (from, to, found) -> {
            ModelBuilder builder = new ModelBuilder(registry, found);
            for (int i = from; i < to; i++) {
                ServiceKey key = keys.get(i);
                built[i] = builder.service(key, definitions.get(i), groups.apply(key));
            }
        });
        return java.util.Arrays.asList(built);
    }

    private void applyHostExtInfo(Registry registry) {
        GroupExpander groups = null;
        for (Definition x : registry.all(ObjectType.HOSTEXTINFO)) {
            if (groups == null) {
                groups = GroupExpander.hostGroups(registry);
            }
            for (String host : registry.hostsOf(x.get("host_name"), x.where("host_name"), x.get("hostgroup_name"),
                    x.where("hostgroup_name"), groups)) {
                ServiceExpander.applyExtInfo(registry.find(ObjectType.HOST, host), x);
            }
        }
    }

    private void applyServiceExtInfo(Registry registry, GroupExpander hostGroups, Map<ServiceKey, Definition> services) {
        for (Definition x : registry.all(ObjectType.SERVICEEXTINFO)) {
            String description = x.get("service_description");
            for (String host : registry.hostsOf(x.get("host_name"), x.where("host_name"), x.get("hostgroup_name"),
                    x.where("hostgroup_name"), hostGroups)) {
                Definition s = services.get(new ServiceKey(host, description));
                if (s == null) {
                    diags.warning(x.location, "serviceextinfo for undefined service '" + description + "' on host '"
                            + host + "' is ignored");
                } else {
                    ServiceExpander.applyExtInfo(s, x);
                }
            }
        }
    }
}
