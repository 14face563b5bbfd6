package org.vigil.livestatus.table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.config.model.CheckSettings;
import org.vigil.config.model.FlapSettings;
import org.vigil.config.model.Links;
import org.vigil.config.model.NotificationSettings;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceKey;
import org.vigil.model.CheckDetail;
import org.vigil.model.CheckView;
import org.vigil.model.ServiceView;

/** One service of one request: its view and details from the snapshot, its definition from the resolved objects. */
final class ServiceRow implements Checked {

    private final Scope scope;
    private final int position;
    private ServiceView view;
    private CheckDetail detail;
    private Service config;
    private HostRow host;

    ServiceRow(Scope scope, int position) {
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

    ServiceView view() {
        if (view == null) {
            view = scope.serviceView(position);
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
            detail = scope.serviceDetail(position);
        }
        return detail;
    }

    /** The definition; null only for a service the configuration no longer has. */
    Service config() {
        if (config == null) {
            config = scope.objects().services().get(new ServiceKey(view().host(), view().description()));
        }
        return config;
    }

    HostRow host() {
        if (host == null) {
            int at = scope.snapshot().hostPositionOfService(position);
            host = at < 0 ? scope.host(view().host()) : scope.host(at);
        }
        return host;
    }

    @Override
    public String key() {
        return EntryIndex.key(view().host(), view().description());
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
        Map<String, String> m = new HashMap<>(host().macros());
        m.put("$SERVICEDESC$", view().description());
        m.put("$SERVICEDISPLAYNAME$", view().displayName());
        return m;
    }
}
