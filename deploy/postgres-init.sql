-- One database for the services (a schema each, created by their migrations) and one for the registry.
create database leadflow;
create database registry;
