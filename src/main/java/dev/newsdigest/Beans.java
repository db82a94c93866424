package dev.newsdigest;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/** What every part of the configuration does with the Camel context: binds a bean the routes call, or closes one when the context stops. */
final class Beans {
    private Beans() {
    }

    static void bind(CamelContext context, String name, Object bean) {
        context.getRegistry().bind(name, bean);
    }

    static void closeOnStop(CamelContext context, AutoCloseable closeable) {
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() throws Exception {
                    closeable.close();
                }
            }, true, true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
