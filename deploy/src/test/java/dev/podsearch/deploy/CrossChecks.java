package dev.podsearch.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that catch the mistakes a schema cannot: manifests that are each valid but do not fit together, or do not
 * fit what the services declare about themselves. Each check class returns its problems; an empty list means the
 * overlay passed.
 */
final class CrossChecks {

    private final Manifests manifests;
    private final Path readme;
    private final ServiceDeployments services;

    CrossChecks(Manifests manifests, Path readme) {
        this.manifests = manifests;
        this.readme = readme;
        this.services = new ServiceDeployments(manifests);
    }

    /** The services' Deployments, their facts and configuration, for the checks outside this list. */
    ServiceDeployments services() {
        return services;
    }

    List<String> all() {
        List<String> problems = new ArrayList<>();
        ConfigChecks config = new ConfigChecks(services);
        problems.addAll(config.configMapKeys());
        problems.addAll(config.portsAndProbes());
        problems.addAll(new SelectorChecks(manifests).check());
        problems.addAll(new TargetChecks(manifests).check());
        KafkaTopicChecks topics = new KafkaTopicChecks(manifests, services);
        problems.addAll(topics.topics());
        problems.addAll(topics.sizes());
        problems.addAll(new ReferenceChecks(manifests, readme).check());
        problems.addAll(new EndpointChecks(manifests, services).check());
        problems.addAll(new HardeningChecks(services).check());
        problems.addAll(new ServiceTokenChecks(manifests, services).check());
        problems.addAll(new ManagementChecks(manifests, services).check());
        ServiceCertificates certificates = new ServiceCertificates(manifests, services);
        problems.addAll(new TlsChecks(certificates).check());
        problems.addAll(new TlsRouteChecks(manifests, certificates).check());
        return problems;
    }

    static String describe(List<String> problems) {
        StringBuilder text = new StringBuilder();
        for (String problem : problems) {
            text.append("\n  - ").append(problem);
        }
        return text.toString();
    }
}
