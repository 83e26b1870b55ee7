"""JDM Desk: offline clinical research data capture for juvenile dermatomyositis studies."""

__version__ = "0.1.0"
APP_NAME = "JDM Desk"
