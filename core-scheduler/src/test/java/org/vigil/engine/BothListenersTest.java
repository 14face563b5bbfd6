package org.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every method of {@link EngineListener} (and of the downtimes' listener it extends) reaches both listeners, first
 * then second: a method added to the interface later and forgotten in {@link BothListeners} fails here.
 */
class BothListenersTest {

    @Test
    void everyCallReachesBothInOrder() throws Exception {
        List<String> heard = new ArrayList<>();
        EngineListener both = EngineListener.both(recorder("first", heard), recorder("second", heard));
        for (Method m : EngineListener.class.getMethods()) {
            if (m.getReturnType() != void.class || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            heard.clear();
            m.invoke(both, arguments(m));
            assertThat(heard).as(m.getName()).containsExactly("first " + m.getName(), "second " + m.getName());
        }
    }

    private static EngineListener recorder(String name, List<String> heard) {
        return (EngineListener) Proxy.newProxyInstance(EngineListener.class.getClassLoader(),
                new Class<?>[] {EngineListener.class}, (proxy, method, args) -> {
                    heard.add(name + " " + method.getName());
                    return null;
                });
    }

    private static Object[] arguments(Method m) {
        Object[] args = new Object[m.getParameterCount()];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (types[i] == boolean.class) {
                args[i] = false;
            } else if (types[i] == int.class) {
                args[i] = 0;
            } else if (types[i] == double.class) {
                args[i] = 0.0;
            } else if (types[i] == long.class) {
                args[i] = 0L;
            }
        }
        return args;
    }
}
