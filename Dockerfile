# One image recipe for the four services: docker build --build-arg SERVICE=intake-service .
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE=intake-service
WORKDIR /src
COPY . .
RUN mvn -B -q -ntp package -DskipTests -pl ${SERVICE} -am && cp ${SERVICE}/target/${SERVICE}-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 leadflow
USER leadflow
COPY --from=build /app.jar /app/app.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
