# One image pattern for every service: docker build --build-arg MODULE=basin-service -t alize/basin-service .
# Build the jars first (./mvnw -DskipTests package); this file only layers and runs them.
ARG JRE_IMAGE=eclipse-temurin:17-jre

FROM ${JRE_IMAGE} AS layers
ARG MODULE
WORKDIR /build
COPY ${MODULE}/target/${MODULE}.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM ${JRE_IMAGE}
ARG MODULE
LABEL org.opencontainers.image.title="alize-${MODULE}"
RUN groupadd --system --gid 10001 alize && useradd --system --uid 10001 --gid alize --home-dir /app --shell /usr/sbin/nologin alize
WORKDIR /app
# least to most often changed, so that a code change rebuilds only the last layer
COPY --from=layers --chown=alize:alize /build/extracted/dependencies/ ./
COPY --from=layers --chown=alize:alize /build/extracted/spring-boot-loader/ ./
COPY --from=layers --chown=alize:alize /build/extracted/snapshot-dependencies/ ./
COPY --from=layers --chown=alize:alize /build/extracted/application/ ./
# numeric, so that Kubernetes can check runAsNonRoot
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
