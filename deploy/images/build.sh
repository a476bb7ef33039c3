#!/usr/bin/env bash
# Builds the four service images from their Dockerfiles (needs a Docker engine).
#   REGISTRY=ghcr.io/you TAG=0.2.0 deploy/images/build.sh        # PUSH=1 also pushes them
set -euo pipefail
cd "$(dirname "$0")/../.."
registry=${REGISTRY:-ghcr.io/podsearch}
tag=${TAG:-0.1.0}
. bin/jdk.sh
./mvnw -q package -DskipTests -pl ingest-service,index-service,query-service,alert-service -am
for service in ingest-service index-service query-service alert-service; do
  image="$registry/$service:$tag"
  docker build -f "$service/src/main/docker/Dockerfile.jvm" -t "$image" "$service"
  if [ "${PUSH:-0}" = 1 ]; then
    docker push "$image"
  fi
  echo "built $image"
done
echo "set these in the overlay's images: list (newName: $registry/<service>, newTag: $tag)"
