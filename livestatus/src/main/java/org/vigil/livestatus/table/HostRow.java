package org.vigil.livestatus.table;

import java.util.List;
import java.util.Map;
import org.vigil.config.model.CheckSettings;
import org.vigil.config.model.FlapSettings;
import org.vigil.config.model.Host;
import org.vigil.config.model.Links;
import org.vigil.config.model.NotificationSettings;
import org.vigil.model.CheckDetail;
import org.vigil.model.CheckView;
import org.vigil.model.HostView;
import org.vigil.model.ServiceView;

/** One host of one request: its view and details from the snapshot, its definition from the resolved objects. */
final class HostRow implements Checked {

    private final Scope scope;
    private final int position;
    private HostView view;
    private CheckDetail detail;
    private Host config;

    HostRow(Scope scope, int position) {
        this.scope = scope;
        this.position = position;
    }

    @Override
    public Scope scope() {
        return scope;
    }

    int position() {
        return position;
    }

    HostView view() {
        if (view == null) {
            view = scope.hostView(position);
        }
        return view;
    }

    @Override
    public CheckView status() {
        return view().status();
    }

    @Override
    public CheckDetail detail() {
        if (detail == null) {
            detail = scope.hostDetail(position);
        }
        return detail;
    }

    /** The definition; null only for a host the configuration no longer has. */
    Host config() {
        if (config == null) {
            config = scope.objects().hosts().get(view().name());
        }
        return config;
    }

    String name() {
        return view().name();
    }

    /** The services on this host the request may see, in description order. */
    List<ServiceRow> services() {
        int first = scope.snapshot().firstServicePosition(name());
        int count = scope.snapshot().servicesOf(name()).size();
        List<ServiceRow> out = new java.util.ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            if (scope.visibility().service(i)) {
                out.add(scope.service(i));
            }
        }
        return out;
    }

    /** All the services on this host, visible or not (for {@code total_services}). */
    List<ServiceView> allServices() {
        return scope.snapshot().servicesOf(name());
    }

    @Override
    public String key() {
        return name();
    }

    @Override
    public CheckSettings check() {
        return config() == null ? null : config().check();
    }

    @Override
    public FlapSettings flap() {
        return config() == null ? null : config().flap();
    }

    @Override
    public NotificationSettings notification() {
        return config() == null ? null : config().notification();
    }

    @Override
    public Links links() {
        return config() == null ? Links.NONE : config().links();
    }

    @Override
    public int importance() {
        return config() == null ? 0 : config().importance();
    }

    @Override
    public Map<String, String> customVariables() {
        return config() == null ? Map.of() : config().customVariables();
    }

    @Override
    public List<String> contacts() {
        return view().contacts();
    }

    @Override
    public Map<String, String> macros() {
        HostView v = view();
        return Map.of("$HOSTNAME$", v.name(), "$HOSTADDRESS$", Columns.nz(v.address()),
                "$HOSTALIAS$", Columns.nz(v.alias()), "$HOSTDISPLAYNAME$", Columns.nz(v.displayName()));
    }
}
