// The card every sign-in page sits in: the product's name above the page's own content.
import { CardBody, Card } from "@/components/card";
import { Content } from "@/components/content";
import type { ReactNode } from "react";

export function SignInCard({ children }: { readonly children: ReactNode }) {
  return (
    <main id="main-content" className="portal-sign-in" tabIndex={-1}>
      <Card className="portal-sign-in__card">
        <CardBody>
          <Content>
            <p className="portal-sign-in__product">Jumpstarter Lab Portal</p>
          </Content>
          {children}
        </CardBody>
      </Card>
    </main>
  );
}
