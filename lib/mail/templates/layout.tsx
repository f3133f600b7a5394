import type { ReactNode } from "react";
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";

const colors = { brand: "#1d4ed8", text: "#1f2937", muted: "#4b5563", line: "#e5e7eb" };

/**
 * Every email's frame: the merchant's business name at the top (the person reading
 * knows who writes), a heading, the body, an optional button with its address spelled
 * out below it (for clients that block buttons), and the footer.
 */
export function EmailLayout(props: {
  lang: string;
  business: string;
  preview: string;
  heading: string;
  footer: string;
  children: ReactNode;
  action?: { label: string; href: string; fallback: string };
  /** The merchant's logo (Settings), shown above its name. */
  logoSrc?: string;
}) {
  return (
    <Html lang={props.lang}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: "#f3f4f6", fontFamily: "Arial, Helvetica, sans-serif" }}>
        <Container style={{ maxWidth: "560px", margin: "0 auto", padding: "24px 12px" }}>
          {props.logoSrc ? (
            <Img src={props.logoSrc} alt="" height="48" style={{ margin: "0 0 8px" }} />
          ) : null}
          <Text
            style={{ fontSize: "18px", fontWeight: 700, color: colors.text, margin: "0 0 12px" }}
          >
            {props.business}
          </Text>
          <Section style={{ backgroundColor: "#ffffff", borderRadius: "8px", padding: "24px" }}>
            <Heading as="h1" style={{ fontSize: "20px", color: colors.text, margin: "0 0 12px" }}>
              {props.heading}
            </Heading>
            {props.children}
            {props.action ? (
              <>
                <Button
                  href={props.action.href}
                  style={{
                    backgroundColor: colors.brand,
                    color: "#ffffff",
                    borderRadius: "6px",
                    padding: "12px 18px",
                    fontWeight: 600,
                  }}
                >
                  {props.action.label}
                </Button>
                <Text style={{ fontSize: "13px", color: colors.muted, margin: "16px 0 0" }}>
                  {props.action.fallback}{" "}
                  <Link
                    href={props.action.href}
                    style={{ color: colors.brand, wordBreak: "break-all" }}
                  >
                    {props.action.href}
                  </Link>
                </Text>
              </>
            ) : null}
          </Section>
          <Hr style={{ borderColor: colors.line, margin: "20px 0 12px" }} />
          <Text style={{ fontSize: "12px", color: colors.muted, margin: 0 }}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: "15px", lineHeight: "22px", color: colors.text };
