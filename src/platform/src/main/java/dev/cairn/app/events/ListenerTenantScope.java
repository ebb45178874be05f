package dev.cairn.app.events;

import dev.cairn.api.events.DomainEvent;
import dev.cairn.api.tenancy.NoTenantInScopeException;
import dev.cairn.app.tenancy.TenantScope;
import java.util.Arrays;
import java.util.Optional;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.Ordered;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs every transactional event listener that takes a {@link DomainEvent} in the event's tenant,
 * whoever calls it: the after-commit delivery, a retry on another node, or the start-up
 * republication (none of which has a signed-in user). An event without a tenant is refused (fail
 * closed). Applied to plugins' listener beans as an infrastructure advisor, as Spring Modulith's own
 * completion advisor is; with {@code @Async} it runs on the listener's thread, inside the async
 * hand-over.
 */
final class ListenerTenantScope implements MethodInterceptor {

    static DefaultPointcutAdvisor advisor() {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                AnnotationMatchingPointcut.forMethodAnnotation(TransactionalEventListener.class), new ListenerTenantScope());
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return advisor;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Optional<DomainEvent> event = Arrays.stream(invocation.getArguments()).filter(DomainEvent.class::isInstance)
                .map(DomainEvent.class::cast).findFirst();
        if (event.isEmpty()) {
            return invocation.proceed();
        }
        if (event.get().tenantId() == null) {
            throw new NoTenantInScopeException(event.get().getClass().getSimpleName() + " carries no tenant: no listener runs for it");
        }
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        TenantScope.runAs(event.get().tenantId(), () -> {
            try {
                result[0] = invocation.proceed();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return result[0];
    }
}
