package dev.podsearch.testing.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.support.rest.ResourceMethod;
import dev.podsearch.support.rest.ResourceMethods;
import dev.podsearch.testing.fuzz.OpenApiParameters;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Deny by default, checked on the running application: every route under /v1 and /admin it serves (its resource
 * methods, and every operation of its served OpenAPI document) must name who may call it: {@code @RolesAllowed} or
 * {@code @Authenticated}, or {@code @PermitAll} for a public one (or {@code @DenyAll}), on the method or its class.
 * At run time an unmarked route is refused anyway ({@code quarkus.security.jaxrs.deny-unannotated-endpoints}); this
 * makes the omission a test failure rather than a surprise 401.
 */
public final class RouteGuards {

    private static final Set<Class<? extends Annotation>> MARKS =
            Set.of(RolesAllowed.class, Authenticated.class, PermitAll.class, DenyAll.class);

    private RouteGuards() {}

    /** Each route with no mark, as {@code "GET /v1/x (Type.method)"}; empty when every route has one. */
    public static List<String> unmarked() {
        List<ResourceMethod> methods = ResourceMethods.ofApplication();
        List<String> found = new ArrayList<>();
        for (ResourceMethod method : methods) {
            if (guarded(method.path()) && !marked(method)) {
                found.add(method.httpMethod() + " " + method.path() + " ("
                        + method.method().getDeclaringClass().getSimpleName() + "."
                        + method.method().getName()
                        + ")");
            }
        }
        found.addAll(servedButNotFound(methods));
        return found;
    }

    /** The routes under /v1 and /admin, as {@code "GET /v1/x"}, that the served OpenAPI document lists. */
    public static List<String> documented() {
        List<String> routes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths =
                OpenApiParameters.document().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!guarded(path.getKey())) {
                continue;
            }
            path.getValue().fieldNames().forEachRemaining(verb -> {
                if (!verb.equals("parameters")) {
                    routes.add(verb.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return routes;
    }

    /** Operations the document lists that no resource method of the application declares: unchecked, so reported. */
    private static List<String> servedButNotFound(List<ResourceMethod> methods) {
        List<String> missing = new ArrayList<>();
        for (String route : documented()) {
            boolean known = methods.stream().anyMatch(m -> route.equals(m.httpMethod() + " " + m.path()));
            if (!known) {
                missing.add(route + " (served, but no resource method found to check)");
            }
        }
        return missing;
    }

    static boolean guarded(String path) {
        return path.startsWith("/v1/") || path.equals("/admin") || path.startsWith("/admin/");
    }

    private static boolean marked(ResourceMethod method) {
        return hasMark(method.method()) || hasMark(method.method().getDeclaringClass());
    }

    private static boolean hasMark(AnnotatedElement element) {
        return MARKS.stream().anyMatch(element::isAnnotationPresent);
    }
}
