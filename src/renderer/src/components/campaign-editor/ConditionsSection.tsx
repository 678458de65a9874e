import {
  Box,
  Button,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
  Paper,
  Stack,
  Typography,
} from '@mui/material'
import AddIcon from '@mui/icons-material/Add'
import DeleteIcon from '@mui/icons-material/DeleteOutlined'
import { useState } from 'react'
import { useFieldArray, useFormContext } from 'react-hook-form'
import { CONDITION_KINDS, type ConditionKind } from '../../../../shared/promotions/conditions'
import type { CampaignDraft } from './draft'
import { EditorSection } from './EditorSection'
import { KindFields } from './KindFields'
import { conditionSchema } from './kind-schemas'

const KINDS = Object.keys(CONDITION_KINDS) as ConditionKind[]

/** What must hold for the campaign to apply: any number of conditions, all of them required. */
export function ConditionsSection() {
  const { control } = useFormContext<CampaignDraft>()
  const conditions = useFieldArray({ control, name: 'conditions' })
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null)
  const used = new Set(conditions.fields.map((field) => field.kind))
  const add = (kind: ConditionKind) => {
    setMenuAnchor(null)
    conditions.append(structuredClone(CONDITION_KINDS[kind].defaults), { shouldFocus: false })
  }
  return (
    <EditorSection
      title="Conditions"
      description={
        conditions.fields.length === 0
          ? 'None: it applies to any cart. Add conditions to narrow it down; all must hold.'
          : 'All of these must hold.'
      }
      action={
        <Button
          startIcon={<AddIcon />}
          onClick={(event) => setMenuAnchor(event.currentTarget)}
          aria-haspopup="menu"
          sx={{ flexShrink: 0 }}
        >
          Add condition
        </Button>
      }
    >
      {conditions.fields.length > 0 && (
        <Stack spacing={1.5}>
          {conditions.fields.map((field, index) => {
            const info = CONDITION_KINDS[field.kind]
            return (
              <Paper
                key={field.id}
                variant="outlined"
                sx={{ p: 2 }}
                role="group"
                aria-label={`Condition: ${info.title}`}
              >
                <Stack
                  direction="row"
                  sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}
                >
                  <Box sx={{ mb: info.fields.length > 0 ? 2 : 0 }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {info.title}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {info.blurb}
                    </Typography>
                  </Box>
                  <IconButton
                    size="small"
                    aria-label={`Remove condition ${info.title}`}
                    onClick={() => conditions.remove(index)}
                  >
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </Stack>
                <KindFields
                  base={`conditions.${index}`}
                  fields={info.fields}
                  schema={conditionSchema(field.kind)}
                />
              </Paper>
            )
          })}
        </Stack>
      )}
      <Menu anchorEl={menuAnchor} open={Boolean(menuAnchor)} onClose={() => setMenuAnchor(null)}>
        {KINDS.map((kind) => (
          <MenuItem key={kind} onClick={() => add(kind)} disabled={used.has(kind)}>
            <ListItemText
              primary={CONDITION_KINDS[kind].title}
              secondary={CONDITION_KINDS[kind].blurb}
            />
          </MenuItem>
        ))}
      </Menu>
    </EditorSection>
  )
}
