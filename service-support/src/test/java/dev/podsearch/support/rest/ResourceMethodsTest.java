package dev.podsearch.support.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A service's resource methods, read from their annotations. */
class ResourceMethodsTest {

    public static class Filters {
        @QueryParam("show")
        String show;
    }

    @Path("/v1/things")
    public static class Things {
        @GET
        @Path("/{id}")
        public String one(@PathParam("id") String id, @QueryParam("size") String size, @BeanParam Filters filters) {
            return id;
        }

        @POST
        @Consumes({"text/plain", "application/json"})
        public void upload(String body) {}
    }

    @Test
    void readsPathsQueryParametersAndBeanParamsAndConsumedTypes() {
        List<ResourceMethod> methods = ResourceMethods.of(List.of(Things.class));
        assertEquals(
                List.of("POST /v1/things", "GET /v1/things/{id}"),
                methods.stream().map(m -> m.httpMethod() + " " + m.path()).toList());
        ResourceMethod one = methods.get(1);
        assertEquals(List.of("size", "show"), one.queryParameters());
        assertEquals(
                List.of("text/plain", "application/json"), ResourceMethods.accepted(methods, "POST", "/v1/things/"));
        assertEquals(List.of(), ResourceMethods.accepted(methods, "POST", "/v1/things/x"));
        assertEquals(true, one.matches("/v1/things/abc"));
        assertEquals(false, one.matches("/v1/things/abc/def"));
    }
}
