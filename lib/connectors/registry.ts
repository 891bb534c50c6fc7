import type { ConnectablePlatform } from "@/lib/stores/platforms";
import { amazonConnector } from "./amazon";
import { bigcommerceConnector } from "./bigcommerce";
import { customStoreConnector } from "./custom-store";
import { shopifyConnector } from "./shopify";
import type { Connector } from "./types";
import { woocommerceConnector } from "./woocommerce";

const CONNECTORS: Record<ConnectablePlatform, Connector> = {
  shopify: shopifyConnector,
  woocommerce: woocommerceConnector,
  amazon: amazonConnector,
  bigcommerce: bigcommerceConnector,
  custom_store: customStoreConnector,
};

export function connectorFor(platform: ConnectablePlatform): Connector {
  return CONNECTORS[platform];
}
