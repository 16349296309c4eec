// Sign in (staff and donors).
import { Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useNavigate, useSearchParams } from "react-router-dom";
import { z } from "zod";
import { api, call, setCsrfToken } from "../../api.js";
import { ErrorAlert } from "../../components/status.js";

const Form = z.object({ username: z.string().min(1, "Enter your user name"), password: z.string().min(1, "Enter your password") });

export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const form = useForm<z.infer<typeof Form>>({ resolver: zodResolver(Form), defaultValues: { username: "", password: "" } });
  const signIn = useMutation({
    mutationFn: (v: z.infer<typeof Form>) => call(api.api.auth.login.$post({ json: v })),
    onSuccess: (user) => {
      setCsrfToken(user.csrfToken);
      qc.setQueryData(["session"], user);
      navigate(user.role === "donor" ? "/donor" : (params.get("next") ?? (user.role === "reviewer" ? "/reviews" : "/rounds")), {
        replace: true,
      });
    },
  });
  return (
    <Container size={420} py="xl">
      <main>
        <Title order={1} ta="center" mb="xs">
          Sponsorship Programme
        </Title>
        <Text ta="center" mb="lg">
          The Convention on Cluster Munitions' Sponsorship Programme: the Implementation Support Unit's staff and the donors'
          representatives sign in here. Applicants do not need an account: they{" "}
          <Anchor href="/status">check their request with its reference and code</Anchor>.
        </Text>
        <Paper withBorder p="lg" component="form" onSubmit={form.handleSubmit((v) => signIn.mutate(v))} noValidate aria-label="Sign in">
          <Stack>
            <TextInput
              label="User name"
              autoComplete="username"
              {...form.register("username")}
              error={form.formState.errors.username?.message}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              {...form.register("password")}
              error={form.formState.errors.password?.message}
            />
            {signIn.isError && <ErrorAlert title="Could not sign in" error={signIn.error} />}
            <Button type="submit" loading={signIn.isPending}>
              Sign in
            </Button>
          </Stack>
        </Paper>
      </main>
    </Container>
  );
}
