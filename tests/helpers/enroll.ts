import type { Page } from 'playwright-core';

/**
 * Enrolls the workstation the way a person does: "Pengaturan", the HQ address and the
 * one-time code, "Hubungkan"; waits until the dialog names the `office`, then closes it.
 */
export async function enrollInSettings(
  page: Page,
  hqUrl: string,
  code: string,
  office: string = 'KPU Kabupaten Blora',
): Promise<void> {
  await page.getByRole('button', { name: 'Pengaturan' }).click();
  await page.getByRole('textbox', { name: 'Alamat server pusat' }).fill(hqUrl);
  await page.getByRole('textbox', { name: 'Kode pendaftaran' }).fill(code);
  await page.getByRole('button', { name: 'Hubungkan' }).click();
  await page.getByRole('dialog').getByText(office).first().waitFor({ timeout: 30_000 });
  await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).click();
}
